// The selected session: every Support field, editable where it makes sense, the agent card,
// and a banner for the last failed request of this session.
#pragma once

#include "workspace.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <functional>

class QAction;
class QGroupBox;
class QStackedLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QFrame;
class QFormLayout;

namespace sd {
class AuditOrderIndex;
class AuditRecorder;
} // namespace sd

namespace sd::ui {

class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);
    ~DetailPane() override;

    // The audit trail the history section reads: the recorder's log, its user ("you") and server.
    void setHistorySource(AuditRecorder *recorder);
    // Names the fields someone else changed since the agent last looked at the shown session
    // (added to those already named; cleared when another session is shown).
    void showChangedElsewhere(const QStringList &fields);

    // nullptr shows the "nothing selected" state.
    void showEntry(const WorkspaceEntry *entry, bool pending);
    void showEntry(const std::optional<WorkspaceEntry> &entry, bool pending)
    {
        showEntry(entry ? &*entry : nullptr, pending);
    }
    // Shows the entry as stored, dropping what the form holds (it was saved, or a conflict
    // resolution replaced it).
    void reloadEntry(const WorkspaceEntry *entry, bool pending);
    void reloadEntry(const std::optional<WorkspaceEntry> &entry, bool pending)
    {
        reloadEntry(entry ? &*entry : nullptr, pending);
    }
    QString orderId() const { return m_orderId; }
    // The shown session with the form's edits applied (fields the form does not show, unknown
    // ones included, are kept).
    Support editedSupport() const;
    bool isDirty() const;
    bool isValid() const; // the form's input can be sent
    // A closed session, or one the server has not: shown, not editable.
    bool isReadOnly() const { return m_readOnly; }
    // `offerProfiles`: the way out is in the server profiles (e.g. no access token is set).
    void showBanner(const QString &message, bool offerRetry, bool offerProfiles = false);
    // Whether a change of the order waits in the outbox ("pending change"); the pane asks when
    // it shows a session.
    void setOutboxLookup(std::function<bool(const QString &orderId)> waiting) { m_waitingInOutbox = std::move(waiting); }
    // What a new support request for the order that waits in the outbox will create (nullopt:
    // none waits). Until it is sent, the pane shows these values, read-only, instead of nothing.
    void setWaitingCreationLookup(std::function<std::optional<Support>(const QString &orderId)> lookup)
    {
        m_waitingCreation = std::move(lookup);
    }
    void hideBanner();
    QString bannerText() const;
    void focusFirstField();
    void revealPhoneProblem(); // the phone field focused, its message scrolled into view // the keyboard into the form (or the pane, when nothing is shown)
    void selectFocusedField();

Q_SIGNALS:
    void saveRequested();
    void revertRequested();
    void retryRequested();
    void assignRequested();
    void unassignRequested();
    void profilesRequested();
    void newRequestRequested(); // a new support request for the shown (closed) order
    void editsChanged();
    // A link (chat, FAQ, tel:, mailto:) that nothing on this computer could open, said as a sentence.
    void linkNotOpened(const QString &problem);

public:
    static QString phoneProblemText(); // why a callback phone is refused
private:
    static QString draftStateText();
    void updateButtons();
    void showAgentCard(SessionState state);
    void updateHistory(bool force);
    void openLink(const QString &link);
    QLineEdit *addField(const char *objectName, const QString &label, QFormLayout *form);

    QString m_orderId;
    Support m_base; // what the form started from (the draft, else the server's copy)
    Support m_server;
    bool m_hasEntry = false;
    bool m_loading = false;
    bool m_readOnly = false;
    bool m_sending = false;
    std::function<std::optional<Support>(const QString &)> m_waitingCreation;
    QPushButton *m_newRequest = nullptr; // in the read-only notice: not for a request still waiting // the shown session's change waits in the outbox or is on its way

    QLabel *m_title, *m_state, *m_links, *m_placeholder;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_retry;
    QPushButton *m_openProfiles;
    std::function<bool(const QString &)> m_waitingInOutbox;
    QWidget *m_form;
    QLineEdit *m_phone, *m_chatUrl, *m_chatSession, *m_faqUrl, *m_faqType, *m_descName,
        *m_descShort;
    QPlainTextEdit *m_descLong, *m_unknown;
    QLabel *m_phoneProblem; // beside Save, in the place of the draft note
    QAction *m_phoneWarning; // the sign in the phone field
    QStackedLayout *m_editState; // the draft note or the phone's problem
    QLabel *m_draftState; // always there, so that a draft appearing moves no field
    QGroupBox *m_agentBox;
    QLabel *m_agentText;
    QPushButton *m_assign, *m_unassign, *m_save, *m_revert;
    QWidget *m_readOnlyBox;
    QLabel *m_readOnlyNotice;
    // The session's history, from the audit trail.
    QPointer<AuditRecorder> m_audit;
    std::unique_ptr<AuditOrderIndex> m_historyIndex;
    QGroupBox *m_historyBox;
    QLabel *m_historyText;
    QString m_historyOrder; // what the section shows, as of the log's size
    qint64 m_historySize = -1;
    QLabel *m_changedElsewhere;
    QStringList m_elsewhere;
};

} // namespace sd::ui
