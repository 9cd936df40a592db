#include "requestlog.h"

#include "privacy.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QScrollBar>
#include <QLayout>
#include <QTableView>

namespace sd::ui {

RequestLogModel::RequestLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void RequestLogModel::add(const Exchange &exchange)
{
    if (m_rows.size() >= size_t(kMaxRows)) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row r;
    r.exchange = exchange;
    r.realBody = exchange.requestBody;
    if (exchange.error.isError())
        r.maskedError = maskPersonalData(exchange.error.message());
    r.exchange.requestBody = maskPersonalData(QString::fromUtf8(exchange.requestBody)).toUtf8();
    m_rows.push_back(std::move(r));
    endInsertRows();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const Exchange &e = r.exchange;
    switch (index.column()) {
    case TimeColumn: return e.started.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn: return QString::fromLatin1(e.method);
    // Several profiles (and the demo) may be used in one run: which server answered.
    case ServerColumn: return e.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                             | QUrl::RemoveFragment).toString();
    case PathColumn: return QString::fromUtf8(e.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority));
    case StatusColumn: return e.httpStatus ? QString::number(e.httpStatus) : QStringLiteral("—");
    case DurationColumn: return tr("%1 ms").arg(e.durationMs);
    case ErrorColumn: return r.maskedError;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case MethodColumn: return tr("Method");
    case ServerColumn: return tr("Server");
    case PathColumn: return tr("Path");
    case StatusColumn: return tr("Status");
    case DurationColumn: return tr("Duration");
    case ErrorColumn: return tr("Error");
    }
    return {};
}

QString RequestLogModel::curlCommand(int row, bool withToken, Body body) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(row)];
    const Exchange &e = r.exchange;
    const QByteArray &sent = body == Body::Real ? r.realBody : e.requestBody;
    const auto quote = [](QString s) -> QString {
        return QLatin1Char('\'') + s.replace(QLatin1Char('\''), QStringLiteral("'\\''"))
             + QLatin1Char('\'');
    };
    QString cmd = QStringLiteral("curl -X %1 %2 -H 'Accept: application/json'")
               .arg(QString::fromLatin1(e.method),
                    quote(QString::fromUtf8(e.url.adjusted(QUrl::RemoveUserInfo).toEncoded())));
    if (withToken)
        cmd += QStringLiteral(" -H \"Authorization: Bearer $SUPPORTDESK_TOKEN\"");
    if (!sent.isEmpty())
        cmd += QStringLiteral(" -H 'Content-Type: application/json' --data ")
             + quote(QString::fromUtf8(sent));
    // A masked body sent again would overwrite the real phone numbers and e-mails with the
    // masked text: said so, and the command itself commented out, so a paste runs nothing.
    if (body == Body::Masked && !sent.isEmpty())
        cmd = QLatin1String("# ")
            + tr("The body is masked: run as it is, this would overwrite phone numbers and e-mail "
                 "addresses with the masked text. Use \"Copy as curl with the real body\" to send "
                 "it again.")
            + QLatin1String("\n# ") + cmd;
    return cmd;
}

RequestLogDock::RequestLogDock(RequestLogModel *model, QWidget *parent)
    : QDockWidget(tr("Request log"), parent), m_model(model)
{
    setObjectName(QStringLiteral("requestLogDock"));
}

bool RequestLogDock::event(QEvent *event)
{
    if (event->type() == QEvent::Show && !m_view) {
        makeView();
        // Laid out and shown now, with the dock (made inside its showing, both would come a turn later).
        layout()->activate();
        m_view->show();
    }
    return QDockWidget::event(event);
}

void RequestLogDock::makeView()
{
    RequestLogModel *model = m_model;
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("requestLogView"));
    m_view->setAccessibleName(tr("Request log"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // One line per request, every column as wide as its texts (a server or path is never cut or
    // wrapped); the error, last, takes the rest. Sampled rows only: the log grows on every request.
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    for (int c = 0; c < RequestLogModel::ErrorColumn; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy as curl"), m_view);
    copy->setObjectName(QStringLiteral("copyAsCurl"));
    connect(copy, &QAction::triggered, this, [this] { copySelectedAsCurl(RequestLogModel::Body::Masked); });
    m_view->addAction(copy);
    // The real body only on this explicit choice: it carries phone numbers and e-mails.
    auto *copyReal = new QAction(tr("Copy as curl with the real body"), m_view);
    copyReal->setObjectName(QStringLiteral("copyAsCurlRealBody"));
    connect(copyReal, &QAction::triggered, this, [this] { copySelectedAsCurl(RequestLogModel::Body::Real); });
    m_view->addAction(copyReal);
    setWidget(m_view);
    // The newest entry stays in view while the agent is at the end (the scroll range grows with
    // every row); one reading older entries is not pulled away from them.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar] { m_followNewest = bar->value() >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar] {
        if (m_followNewest)
            bar->setValue(bar->maximum());
    });
    // Shown (F12): at the newest entry.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible) {
            m_followNewest = true;
            m_view->scrollToBottom();
        }
    });
}

void RequestLogDock::copySelectedAsCurl(RequestLogModel::Body body)
{
    if (!m_view)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    QApplication::clipboard()->setText(m_model->curlCommand(current.row(), true, body));
}

} // namespace sd::ui
