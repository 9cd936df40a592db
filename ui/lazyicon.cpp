#include "lazyicon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleOption>
#include <QWidget>
#include <functional>
#include <optional>

namespace sd::ui {

namespace {
// Made by `make` when first drawn or measured.
class LazyIconEngine : public QIconEngine
{
public:
    explicit LazyIconEngine(std::function<QIcon()> make) : m_make(std::move(make)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    // Our own resources and the style's: not null, and asking must not read them.
    bool isNull() override { return m_icon ? m_icon->isNull() : false; }
    QString key() const override { return QStringLiteral("sd-lazy"); }
    QIconEngine *clone() const override
    {
        auto *copy = new LazyIconEngine(m_make);
        copy->m_icon = m_icon;
        return copy;
    }

private:
    const QIcon &icon()
    {
        if (!m_icon)
            m_icon = m_make();
        return *m_icon;
    }

    std::function<QIcon()> m_make;
    std::optional<QIcon> m_icon;
};
class LazyIconStyle : public QProxyStyle
{
public:
    explicit LazyIconStyle(const QString &key) : QProxyStyle(key) {}

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const override
    {
        // A plain option (direction, palette, state) is kept as it is now; a richer one is used at once.
        if (option && option->type != QStyleOption::SO_Default)
            return QProxyStyle::standardIcon(icon, option, widget);
        const std::optional<QStyleOption> kept = option ? std::optional<QStyleOption>(*option) : std::nullopt;
        return QIcon(new LazyIconEngine([base = QPointer<QStyle>(baseStyle()), icon, kept, w = QPointer<const QWidget>(widget)] {
            return base ? base->standardIcon(icon, kept ? &*kept : nullptr, w.data()) : QIcon();
        }));
    }
};
} // namespace

QIcon lazyIcon(const QString &fileName)
{
    return QIcon(new LazyIconEngine([fileName] { return QIcon(fileName); }));
}

QStyle *lazyIconStyle(const QString &styleName)
{
    return new LazyIconStyle(styleName);
}

} // namespace sd::ui
