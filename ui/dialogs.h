// The application's dialogs. Fields have object names so tests can fill them.
#pragma once

#include "agentdirectory.h"
#include "models.h"
#include "profiles.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace sd::ui {

// Phone numbers: digits with optional leading +, spaces, dashes, dots, parentheses; 4-20 digits.
bool isValidPhone(const QString &text);

class NewSessionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewSessionDialog(QWidget *parent = nullptr);
    // Starts from an order and its earlier session's phone and topic (a new request for it).
    void setInitial(const QString &orderId, const Support &earlier);
    QString orderId() const;
    Support support() const; // the optional fields

private:
    void validate();
    QLineEdit *m_orderId, *m_phone, *m_chatUrl, *m_chatSession, *m_topic;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

class AgentDialog : public QDialog
{
    Q_OBJECT
public:
    // `title` names what is assigned (one order or several sessions); `directory`: the agents
    // seen before, for completion and their details.
    AgentDialog(const QString &title, const std::optional<Agent> &current,
                const AgentDirectory &directory, QWidget *parent = nullptr);
    Agent agent() const;

private:
    void validate();
    void markEdited();
    void fitAgentLabels();
    bool looksLikeName(const QString &text) const;
    void onIdChanged(const QString &text);
    void showDetails(const std::optional<Agent> &agent);
    QLineEdit *m_id, *m_name, *m_phone, *m_email;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    AgentDirectory m_directory;
    std::optional<Agent> m_base; // keeps fields the dialog does not show
    QString m_detailsOf; // the agent ID whose details the fields were filled with ("" if none)
    bool m_edited = false; // problems are shown once the user has typed
};

class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                  QWidget *parent = nullptr);
    QList<ServerProfile> profiles() const { return m_profiles; }
    // Tokens typed in this dialog, by profile ID (empty string: remove the token).
    QHash<QString, QString> changedTokens() const { return m_tokens; }
    QString selectedId() const;
    void accept() override; // stores the form and checks every URL first

private:
    void showProfile(int row);
    void storeForm();
    void addProfile();
    void removeProfile();
    QList<ServerProfile> m_profiles;
    QHash<QString, QString> m_tokens;
    QSet<QString> m_added; // IDs of the profiles made in this dialog (no token stored yet)
    QListWidget *m_list;
    QLineEdit *m_name, *m_url, *m_token, *m_myAgent;
    QSpinBox *m_timeout, *m_concurrency, *m_refresh;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    int m_shown = -1;
};

} // namespace sd::ui
