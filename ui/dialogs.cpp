#include "dialogs.h"

#include "stdstring.h"

#include "agentcompleter.h"
#include "apiurl.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace sd::ui {

namespace {

QLineEdit *field(QWidget *parent, const char *objectName, const QString &accessibleName,
                 const QString &text = {})
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xd9, 0x48, 0x3b));
    label->setPalette(p);
    return label;
}

// Wide enough to show its placeholder (a hint such as "optional, e.g. +49 30 1234567") whole,
// with the room the clear button takes.
void fitPlaceholder(QLineEdit *edit)
{
    const int frame = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, edit);
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 2 * frame
                          + edit->sizeHint().height() + 12);
}

// OK (with the dialog's own verb) and Cancel, wired to accept() and reject().
QDialogButtonBox *okCancelButtons(QDialog *dialog, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

// The fields, the line that says what is wrong, the buttons.
void stackDialog(QDialog *dialog, QLayout *fields, QLabel *problem, QDialogButtonBox *buttons)
{
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(fields);
    layout->addWidget(problem);
    layout->addWidget(buttons);
}

} // namespace

bool isValidPhone(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(R"(^\+?[0-9 ().\-/]+$)"));
    const QString t = text.trimmed();
    if (!shape.match(t).hasMatch())
        return false;
    int digits = 0;
    for (QChar c : t)
        digits += c.isDigit() ? 1 : 0;
    return digits >= 4 && digits <= 20;
}

// ---- NewSessionDialog ------------------------------------------------------------------------

NewSessionDialog::NewSessionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("newSessionDialog"));
    setWindowTitle(tr("New support request"));
    auto *form = new QFormLayout;
    m_orderId = field(this, "orderId", tr("Order ID"));
    m_phone = field(this, "callbackPhone", tr("Callback phone"));
    m_chatUrl = field(this, "chatUrl", tr("Chat URL"));
    m_chatSession = field(this, "chatSession", tr("Chat session ID"));
    m_topic = field(this, "topic", tr("Topic"));
    m_phone->setPlaceholderText(tr("optional, e.g. +49 30 1234567"));
    fitPlaceholder(m_phone);
    form->addRow(tr("&Order ID:"), m_orderId);
    form->addRow(tr("Callback &phone:"), m_phone);
    form->addRow(tr("Chat &URL:"), m_chatUrl);
    form->addRow(tr("Chat &session:"), m_chatSession);
    form->addRow(tr("&Topic:"), m_topic);
    m_problem = problemLabel(this);
    m_buttons = okCancelButtons(this, tr("Create"));
    stackDialog(this, form, m_problem, m_buttons);
    for (QLineEdit *e : {m_orderId, m_phone})
        connect(e, &QLineEdit::textChanged, this, &NewSessionDialog::validate);
    validate();
}

void NewSessionDialog::validate()
{
    QString problem = m_orderId->text().isEmpty() ? QString() : orderIdProblem(m_orderId->text());
    if (problem.isEmpty() && !m_phone->text().trimmed().isEmpty() && !isValidPhone(m_phone->text()))
        problem = tr("The callback phone is not a phone number.");
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !m_orderId->text().trimmed().isEmpty());
}

void NewSessionDialog::setInitial(const QString &orderId, const Support &earlier)
{
    m_orderId->setText(orderId);
    // The customer's phone and the topic carry over; a chat belongs to the earlier session.
    m_phone->setText(toQString(earlier.callbackPhone));
    m_topic->setText(earlier.descriptor ? toQString(earlier.descriptor->name) : QString());
}

QString NewSessionDialog::orderId() const
{
    return m_orderId->text().trimmed();
}

Support NewSessionDialog::support() const
{
    Support s;
    setOptionalTrimmed(s.callbackPhone, m_phone->text());
    if (!m_chatUrl->text().trimmed().isEmpty() || !m_chatSession->text().trimmed().isEmpty()) {
        s.chat.emplace();
        setOptionalTrimmed(s.chat->url, m_chatUrl->text());
        setOptionalTrimmed(s.chat->sessionId, m_chatSession->text());
    }
    if (!m_topic->text().trimmed().isEmpty()) {
        s.descriptor.emplace();
        setOptionalTrimmed(s.descriptor->name, m_topic->text());
    }
    return s;
}

// ---- AgentDialog -----------------------------------------------------------------------------

AgentDialog::AgentDialog(const QString &title, const std::optional<Agent> &current,
                         const AgentDirectory &directory, QWidget *parent)
    : QDialog(parent), m_directory(directory), m_base(current)
{
    setObjectName(QStringLiteral("agentDialog"));
    setWindowTitle(title);
    m_id = field(this, "agentId", tr("Agent ID"), current ? toQString(current->id) : QString());
    m_name = field(this, "agentName", tr("Agent name"));
    m_phone = field(this, "agentPhone", tr("Agent phone"));
    m_email = field(this, "agentEmail", tr("Agent e-mail"));
    showDetails(current);
    m_detailsOf = current ? toQString(current->id) : QString();
    // Offers "Name (ID)" for a part of either; taking one puts the ID here.
    m_id->setCompleter(new AgentCompleter(directory, this));
    // Whatever sets the ID (typing, a completion taken with the mouse or the keyboard), the
    // details follow it: a known agent's from the directory, never the previous person's.
    connect(m_id, &QLineEdit::textChanged, this, &AgentDialog::onIdChanged);
    auto *form = new QFormLayout;
    form->addRow(tr("Agent &ID:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&E-mail:"), m_email);
    m_problem = problemLabel(this);
    m_buttons = okCancelButtons(this, current ? tr("Reassign") : tr("Assign"));
    stackDialog(this, form, m_problem, m_buttons);
    for (QLineEdit *e : {m_id, m_phone, m_email})
        connect(e, &QLineEdit::textChanged, this, &AgentDialog::validate);
    for (QLineEdit *e : {m_id, m_name, m_phone, m_email})
        connect(e, &QLineEdit::textEdited, this, &AgentDialog::markEdited);
    fitAgentLabels();
    // Typing replaces the pre-filled ID (a name typed after it would corrupt the ID).
    m_id->selectAll();
    validate();
}

void AgentDialog::markEdited()
{
    if (m_edited)
        return;
    m_edited = true;
    validate();
}

// Wide enough for the widest "Name (ID)" offered and the details shown, so the completion list
// and the fields show whole values.
void AgentDialog::fitAgentLabels()
{
    const QFontMetrics fm = m_id->fontMetrics();
    int widest = fm.horizontalAdvance(QStringLiteral("agent-000000 someone@support.example.org"));
    for (const Agent &a : m_directory.search({}))
        widest = std::max(widest, fm.horizontalAdvance(AgentCompleter::label(a)));
    const int frame = m_id->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_id);
    // Room for the clear button and the popup's scroll bar.
    const int width = std::min(widest, fm.averageCharWidth() * 80) + 2 * frame + 2 * m_id->sizeHint().height();
    for (QLineEdit *e : {m_id, m_name, m_phone, m_email})
        e->setMinimumWidth(width);
}

void AgentDialog::showDetails(const std::optional<Agent> &a)
{
    m_name->setText(a && a->person ? toQString(a->person->name) : QString());
    m_phone->setText(a && a->contact ? toQString(a->contact->phone) : QString());
    m_email->setText(a && a->contact ? toQString(a->contact->email) : QString());
    // Filled, not typed: show each value from its beginning.
    for (QLineEdit *e : {m_name, m_phone, m_email})
        e->setCursorPosition(0);
}

void AgentDialog::onIdChanged(const QString &text)
{
    const QString id = text.trimmed();
    if (id == m_detailsOf)
        return;
    if (const std::optional<Agent> known = m_directory.find(id)) {
        m_base = known;
        m_detailsOf = id;
        showDetails(known);
    } else if (!m_detailsOf.isEmpty()) {
        // The details shown belong to another agent: a new ID starts without them. Details the
        // agent typed for a new ID (none filled in before) stay while the ID is corrected.
        m_base.reset();
        m_detailsOf.clear();
        showDetails(std::nullopt);
    }
}

void AgentDialog::validate()
{
    QString problem;
    if (m_id->text().trimmed().isEmpty())
        problem = tr("An agent needs an ID.");
    else if (looksLikeName(m_id->text()))
        problem = tr("“%1” is not a known agent ID but part of an agent's name: choose the agent from the list.")
                      .arg(m_id->text().trimmed());
    else if (!m_phone->text().trimmed().isEmpty() && !isValidPhone(m_phone->text()))
        problem = tr("The phone is not a phone number.");
    else if (!m_email->text().trimmed().isEmpty() && !m_email->text().contains(QLatin1Char('@')))
        problem = tr("The e-mail address needs an @.");
    // Nothing typed yet: the disabled button is enough, no complaint in red.
    m_problem->setText(m_edited ? problem : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

// Text that names no known agent ID but matches known agents' names was typed as a name: sending
// it as an ID would assign a person who does not exist.
bool AgentDialog::looksLikeName(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty() || m_directory.contains(t))
        return false;
    for (const Agent &a : m_directory.search(t))
        if (a.person && a.person->name && QString::fromStdString(*a.person->name).contains(t, Qt::CaseInsensitive))
            return true;
    return false;
}

Agent AgentDialog::agent() const
{
    Agent a;
    // Another agent's ID: start from what we know of that agent, not the previous one's data.
    if (m_base && toQString(m_base->id) == m_id->text().trimmed())
        a = *m_base;
    else if (const std::optional<Agent> known = m_directory.find(m_id->text().trimmed()))
        a = *known;
    a.id = m_id->text().trimmed().toStdString();
    if (!m_name->text().trimmed().isEmpty() || (a.person && a.person->name)) {
        if (!a.person)
            a.person.emplace();
        setOptionalTrimmed(a.person->name, m_name->text());
    }
    if (!m_phone->text().trimmed().isEmpty() || !m_email->text().trimmed().isEmpty() || a.contact) {
        if (!a.contact)
            a.contact.emplace();
        setOptionalTrimmed(a.contact->phone, m_phone->text());
        setOptionalTrimmed(a.contact->email, m_email->text());
    }
    return a;
}

// ---- ProfileDialog ---------------------------------------------------------------------------

ProfileDialog::ProfileDialog(const QList<ServerProfile> &profiles, const QString &currentId,
                             QWidget *parent)
    : QDialog(parent), m_profiles(profiles)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Server profiles"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    for (const ServerProfile &p : m_profiles)
        m_list->addItem(p.name);
    // As wide as the longest name ("Demo (eingebaute Sandbox)"), not cut with a sideways scroll bar.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const auto fitList = [this] {
        int widest = m_list->fontMetrics().averageCharWidth() * 12;
        for (int i = 0; i < m_list->count(); ++i)
            widest = std::max(widest, m_list->fontMetrics().horizontalAdvance(m_list->item(i)->text()));
        m_list->setMinimumWidth(std::min(widest + m_list->fontMetrics().averageCharWidth() * 2 + 2 * m_list->frameWidth()
                                             + m_list->verticalScrollBar()->sizeHint().width(),
                                         m_list->fontMetrics().averageCharWidth() * 40));
    };
    fitList();
    connect(m_list->model(), &QAbstractItemModel::dataChanged, this, fitList);
    connect(m_list->model(), &QAbstractItemModel::rowsInserted, this, fitList);
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addProfile"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeProfile"));
    m_name = field(this, "profileName", tr("Profile name"));
    m_url = field(this, "profileUrl", tr("Server URL"));
    m_url->setPlaceholderText(QStringLiteral("https://provider.example/api/v1/"));
    m_token = field(this, "profileToken", tr("Access token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_myAgent = field(this, "profileMyAgent", tr("My agent ID"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("profileTimeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("profileConcurrency"));
    m_concurrency->setRange(1, 64);
    m_refresh = new QSpinBox(this);
    m_refresh->setObjectName(QStringLiteral("profileRefresh"));
    m_refresh->setRange(0, 86400);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("never"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("Access &token:"), m_token);
    form->addRow(tr("My &agent ID:"), m_myAgent);
    form->addRow(tr("T&imeout:"), m_timeout);
    form->addRow(tr("&Concurrency:"), m_concurrency);
    form->addRow(tr("&Refresh every:"), m_refresh);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    left->addLayout(row);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(form, 2);
    m_problem = problemLabel(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int r) {
        storeForm();
        showProfile(r);
    });
    // The list shows the name as it is typed (kept when the field is emptied: a profile has one).
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_shown < 0 || m_shown >= m_profiles.size())
            return;
        if (QListWidgetItem *item = m_list->item(m_shown))
            item->setText(text.trimmed().isEmpty() ? m_profiles[m_shown].name : text.trimmed());
    });
    connect(add, &QPushButton::clicked, this, &ProfileDialog::addProfile);
    connect(remove, &QPushButton::clicked, this, &ProfileDialog::removeProfile);
    int current = 0;
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].id == currentId)
            current = i;
    if (!m_profiles.isEmpty())
        m_list->setCurrentRow(current);
    else
        showProfile(-1);
}

void ProfileDialog::accept()
{
    storeForm();
    for (const ServerProfile &p : std::as_const(m_profiles)) {
        const QString problem = baseUrlProblem(p.baseUrl);
        if (!problem.isEmpty()) {
            m_problem->setText(tr("%1: %2").arg(p.name, problem));
            return; // stays open: nothing typed is lost
        }
    }
    QDialog::accept();
}

void ProfileDialog::showProfile(int row)
{
    m_shown = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_url, m_token, m_myAgent, m_timeout, m_concurrency, m_refresh})
        w->setEnabled(valid);
    if (!valid)
        return;
    const ServerProfile &p = m_profiles[row];
    m_name->setText(p.name);
    m_url->setText(p.baseUrl.toString());
    m_token->setText(m_tokens.value(p.id));
    // A profile made in this dialog has no token yet; a stored one keeps its token unless a new
    // one is typed.
    m_token->setPlaceholderText(m_added.contains(p.id) ? tr("No token set") : tr("unchanged"));
    m_myAgent->setText(p.myAgentId);
    m_timeout->setValue(p.timeoutSeconds);
    m_concurrency->setValue(p.concurrency);
    m_refresh->setValue(p.refreshIntervalSeconds);
}

void ProfileDialog::storeForm()
{
    if (m_shown < 0 || m_shown >= m_profiles.size())
        return;
    ServerProfile &p = m_profiles[m_shown];
    p.name = m_name->text().trimmed().isEmpty() ? p.name : m_name->text().trimmed();
    p.baseUrl = QUrl(m_url->text().trimmed());
    if (p.myAgentId != m_myAgent->text().trimmed())
        p.myAgentName.clear(); // the name was the previous ID's
    p.myAgentId = m_myAgent->text().trimmed();
    p.timeoutSeconds = m_timeout->value();
    p.concurrency = m_concurrency->value();
    p.refreshIntervalSeconds = m_refresh->value();
    if (!m_token->text().isEmpty())
        m_tokens.insert(p.id, m_token->text());
    if (QListWidgetItem *item = m_list->item(m_shown))
        item->setText(p.name);
}

void ProfileDialog::addProfile()
{
    storeForm();
    ServerProfile p;
    p.name = tr("New server");
    p.id = makeProfileId(p.name, m_profiles);
    p.baseUrl = QUrl(QStringLiteral("https://"));
    m_added.insert(p.id);
    m_profiles << p;
    m_list->addItem(p.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfileDialog::removeProfile()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_profiles.size())
        return;
    m_tokens.insert(m_profiles[row].id, QString());
    m_profiles.removeAt(row);
    m_shown = -1;
    delete m_list->takeItem(row);
    showProfile(m_list->currentRow());
}

QString ProfileDialog::selectedId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_profiles.size() ? m_profiles[row].id : QString();
}

} // namespace sd::ui
