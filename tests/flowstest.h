// The fixture of the tst_flows* tests (what an agent does, done as the agent does it): GuiTest
// plus the helpers these tests share (the agent and phone the sandbox holds, the assign and
// conflict dialogs driven by keys and clicks, closing the selected session).
#pragma once

#include "detailpane.h"
#include "guitest.h"
#include "outbox.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QTimer>

#include <functional>
#include <memory>

using namespace sd;
using namespace sd::ui;

class FlowsTest : public GuiTest
{
protected:
    struct SeenAgent
    {
        QString id, name, phone, email;
    };

    static QString str(const std::optional<std::string> &s)
    {
        return s ? QString::fromStdString(*s) : QString();
    }

    int getsOf(const QString &orderId) const
    {
        int n = 0;
        for (const auto &r : m_requests)
            n += r.first == "GET" && QUrl::fromPercentEncoding(r.second.toUtf8()).endsWith(QLatin1Char('/') + orderId);
        return n;
    }

    std::optional<Agent> serverAgent(const QString &orderId) const
    {
        const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
        return parsed.ok() ? parsed.value->agent : std::nullopt;
    }
    SeenAgent seen(const std::optional<Agent> &a) const
    {
        if (!a)
            return {};
        return {str(a->id), a->person ? str(a->person->name) : QString(),
                a->contact ? str(a->contact->phone) : QString(), a->contact ? str(a->contact->email) : QString()};
    }
    QString serverPhone(const QString &orderId) const
    {
        const auto parsed = parseSupport(m_server->sessionJson(orderId).toStdString());
        return parsed.ok() ? str(parsed.value->callbackPhone) : QString();
    }

    // In the assign dialog: replace the agent ID by typing it, take what the completion offers
    // with Enter, then Enter again to assign.
    std::shared_ptr<bool> assignByTyping(const QString &agentId, QString *titleSeen = nullptr)
    {
        return whenShown(modal(QStringLiteral("agentDialog")), [agentId, titleSeen](QWidget *d) {
            if (titleSeen)
                *titleSeen = d->windowTitle();
            auto *id = d->findChild<QLineEdit *>(QStringLiteral("agentId"));
            retype(id, agentId);
            if (id->completer() && id->completer()->popup()->isVisible())
                QTest::keyClick(id->completer()->popup(), Qt::Key_Return);
            QTest::keyClick(id, Qt::Key_Return);
        });
    }

    // In the conflict dialog: theirs for the field `theirsField` (its "mine" box unticked with a
    // mouse click on the box), mine for `mineField` (its box left ticked), then "Save the chosen
    // values". `listed` gets the fields the dialog offered.
    std::shared_ptr<bool> chooseInConflict(const QString &theirsField, const QString &mineField, QStringList *listed)
    {
        return whenShown(modal(QStringLiteral("conflictDialog")), [theirsField, mineField, listed](QWidget *d) {
            auto *table = d->findChild<QTableWidget *>(QStringLiteral("conflictTable"));
            QVERIFY(table);
            for (int r = 0; r < table->rowCount(); ++r) {
                const QString field = table->item(r, 0)->text();
                *listed << field;
                QTableWidgetItem *mine = table->item(r, 2);
                QCOMPARE(mine->checkState(), Qt::Checked); // mine unless the agent says otherwise
                if (field != theirsField)
                    continue;
                QStyleOptionViewItem option;
                option.initFrom(table->viewport());
                option.rect = table->visualItemRect(mine);
                option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
                option.text = mine->text();
                option.checkState = mine->checkState();
                const QRect box = table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table);
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, box.center());
                QCOMPARE(mine->checkState(), Qt::Unchecked);
            }
            QVERIFY2(listed->contains(theirsField) && listed->contains(mineField), qPrintable(listed->join(QLatin1Char('|'))));
            click(standardButton(d, QDialogButtonBox::Ok));
        });
    }
    Support lastPut(const QString &orderId) const
    {
        const QByteArray body = m_server->lastBody("PUT", orderId);
        const auto parsed = parseSupport(std::string_view(body.constData(), size_t(body.size())));
        return parsed.ok() ? *parsed.value : Support{};
    }
    // Someone else changes the phone and the summary of the session on the server.
    void changeElsewhere(const QString &orderId, const Support &base)
    {
        Support theirs = base;
        theirs.callbackPhone = std::string("+49 30 1111111");
        if (!theirs.descriptor)
            theirs.descriptor.emplace();
        theirs.descriptor->shortDesc = std::string("Their summary");
        QVERIFY(m_server->putSessionJson(orderId, QByteArray::fromStdString(serialize(theirs))));
    }

    // Ctrl+Shift+W on the selected row, then Yes in the question.
    void closeSelected(const QString &orderId)
    {
        const auto yes = whenShown(modalOf<QMessageBox>(), [](QWidget *w) {
            click(static_cast<QMessageBox *>(w)->button(QMessageBox::Yes));
        });
        keys(Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(*yes);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(orderId), SessionState::Closed, 10000);
        QVERIFY(!m_server->hasSession(orderId));
    }
};
