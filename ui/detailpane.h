// The selected session: every Support field, editable where it makes sense, the agent card,
// and a banner for the last failed request of this session.
#pragma once

#include "workspace.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QFrame;
class QFormLayout;

namespace sd::ui {

class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

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
    void showBanner(const QString &message, bool offerRetry);
    void hideBanner();
    QString bannerText() const;
    void focusFirstField(); // the keyboard into the form (or the pane, when nothing is shown)

Q_SIGNALS:
    void saveRequested();
    void revertRequested();
    void retryRequested();
    void assignRequested();
    void unassignRequested();
    void newRequestRequested(); // a new support request for the shown (closed) order
    void editsChanged();
    // A link (chat, FAQ, tel:, mailto:) that nothing on this computer could open, said as a sentence.
    void linkNotOpened(const QString &problem);

private:
    void updateButtons();
    void openLink(const QString &link);
    QLineEdit *addField(const char *objectName, const QString &label, QFormLayout *form);

    QString m_orderId;
    Support m_base; // what the form started from (the draft, else the server's copy)
    Support m_server;
    bool m_hasEntry = false;
    bool m_loading = false;
    bool m_readOnly = false;

    QLabel *m_title, *m_state, *m_links, *m_placeholder;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_retry;
    QWidget *m_form;
    QLineEdit *m_phone, *m_chatUrl, *m_chatSession, *m_faqUrl, *m_faqType, *m_descName,
        *m_descShort;
    QPlainTextEdit *m_descLong, *m_unknown;
    QLabel *m_phoneProblem;
    QGroupBox *m_agentBox;
    QLabel *m_agentText;
    QPushButton *m_assign, *m_unassign, *m_save, *m_revert;
    QWidget *m_readOnlyBox;
    QLabel *m_readOnlyNotice;
};

} // namespace sd::ui
