#include "detailpane.h"
#include "detailpane_p.h"

#include "stdstring.h"

#include "auditlog.h"
#include "dialogs.h"
#include "sessionhistory.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QDesktopServices>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QResizeEvent>
#include <QScrollBar>
#include <QStackedLayout>
#include <QStyle>
#include <QAction>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace sd::ui {

using namespace detail;

namespace {

// Storing a draft while the agent types shows the session again: the same text must not move
// the cursor.
void setIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        edit->setText(text);
        edit->setCursorPosition(0); // a long value shows its beginning in a narrow pane
    }
}

// The pane is as wide as what it shows needs (buttons, the longest word), so that the splitter
// gives it that room and it never has to scroll sideways; capped, so that a very long order ID
// does not make the window wider than a small screen (it is cut then, still selectable).
class WidthFollower : public QObject
{
public:
    explicit WidthFollower(QScrollArea *scroll) : QObject(scroll), m_scroll(scroll)
    {
        scroll->widget()->installEventFilter(this);
        update();
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            update();
        return QObject::eventFilter(watched, event);
    }

private:
    void update()
    {
        const int cap = m_scroll->fontMetrics().averageCharWidth() * 50;
        const int needed = m_scroll->widget()->minimumSizeHint().width()
                         + m_scroll->verticalScrollBar()->sizeHint().width() + 2 * m_scroll->frameWidth();
        m_scroll->setMinimumWidth(std::min(needed, cap));
    }

    QScrollArea *m_scroll;
};

// The line under Save that says why there is something to save, or why it cannot be saved: it
// holds the room the longest of its texts needs at the width it has (one of them comes and goes
// while the agent types), so that nothing below moves; its texts wrap, never cut.
class ReservedBox : public QWidget
{
public:
    ReservedBox(const QStringList &texts, QWidget *parent) : QWidget(parent), m_texts(texts)
    {
        m_stack = new QStackedLayout(this);
        m_stack->setContentsMargins(0, 0, 0, 0);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }
    QStackedLayout *stack() const { return m_stack; }
    QSize sizeHint() const override { return {QWidget::sizeHint().width(), reservedHeight(width())}; }
    QSize minimumSizeHint() const override { return {0, reservedHeight(width())}; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QWidget::resizeEvent(event);
        if (event->oldSize().width() != width())
            updateGeometry(); // the texts wrap differently now
    }

private:
    int reservedHeight(int width) const
    {
        int height = fontMetrics().height();
        for (const QString &text : m_texts)
            height = std::max(height, fontMetrics().boundingRect(QRect(0, 0, std::max(1, width), 100000),
                                                                 Qt::TextWordWrap, text).height());
        return height;
    }

    QStringList m_texts;
    QStackedLayout *m_stack;
};

} // namespace

DetailPane::DetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Every text of the pane wraps: a long state line, message or label never makes the pane
    // scroll sideways (800x600, German, 200%).
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("detailState"));
    m_changedElsewhere = new QLabel(this);
    m_changedElsewhere->setObjectName(QStringLiteral("changedElsewhere"));
    m_changedElsewhere->setWordWrap(true);
    m_changedElsewhere->setTextFormat(Qt::PlainText);
    m_changedElsewhere->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changedElsewhere->hide();
    m_state->setWordWrap(true);
    // Two lines kept for it: "pending change (in the outbox) · last loaded …" wraps in a narrow
    // pane, and the fields below must not jump when the state changes.
    m_state->setMinimumHeight(2 * m_state->fontMetrics().lineSpacing());

    // The banner: the last failure of this session, with Retry. Never a modal box.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    bp.setColor(QPalette::Window, dark ? QColor(0x5c, 0x1f, 0x1a) : QColor(0xfd, 0xe8, 0xe6));
    bp.setColor(QPalette::WindowText, dark ? QColor(0xff, 0xdc, 0xd8) : QColor(0x7a, 0x1c, 0x12));
    m_banner->setPalette(bp);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("errorBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("&Retry"), m_banner);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_openProfiles = new QPushButton(tr("Open server &profiles…"), m_banner);
    m_openProfiles->setObjectName(QStringLiteral("openProfilesButton"));
    auto *dismiss = new QPushButton(tr("Dismiss"), m_banner);
    dismiss->setObjectName(QStringLiteral("dismissBanner"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_retry);
    bannerLayout->addWidget(m_openProfiles);
    bannerLayout->addWidget(dismiss);
    m_banner->hide();
    connect(m_retry, &QPushButton::clicked, this, &DetailPane::retryRequested);
    connect(m_openProfiles, &QPushButton::clicked, this, &DetailPane::profilesRequested);
    connect(dismiss, &QPushButton::clicked, this, &DetailPane::hideBanner);

    // A closed session (or one the server does not have) is shown read-only, with a way on.
    m_readOnlyBox = new QWidget(this);
    m_readOnlyNotice = new QLabel(m_readOnlyBox);
    m_readOnlyNotice->setObjectName(QStringLiteral("readOnlyNotice"));
    m_readOnlyNotice->setWordWrap(true);
    auto *newRequest = new QPushButton(tr("Open a &new support request for this order…"), m_readOnlyBox);
    newRequest->setObjectName(QStringLiteral("newRequestButton"));
    m_newRequest = newRequest;
    connect(newRequest, &QPushButton::clicked, this, &DetailPane::newRequestRequested);
    auto *readOnlyLayout = new QVBoxLayout(m_readOnlyBox);
    readOnlyLayout->setContentsMargins(0, 0, 0, 0);
    readOnlyLayout->addWidget(m_readOnlyNotice);
    readOnlyLayout->addWidget(newRequest, 0, Qt::AlignLeft);
    m_readOnlyBox->hide();

    m_placeholder = new QLabel(tr("Select a session in the list, or open one by order ID (%1).")
                                   .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)), this);
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);

    m_form = new QWidget(this);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // narrow: the label above its field
    m_phone = addField("callbackPhone", tr("Callback &phone:"), form);
    // Not a phone number: the field shows a warning sign (its tooltip says why) and the line
    // beside Save says it in words, in the place of the draft note. Nothing is added under the
    // field, so typing moves no field and no empty row waits there.
    // Its icon is set when it is first shown: reading the style's PNG loads the image plugins,
    // which the window's first frame does not need.
    m_phoneWarning = m_phone->addAction(QIcon(), QLineEdit::TrailingPosition);
    m_phoneWarning->setObjectName(QStringLiteral("phoneWarning"));
    m_phoneWarning->setToolTip(phoneProblemText());
    m_phoneWarning->setVisible(false);
    m_phoneProblem = new QLabel(m_form);
    m_phoneProblem->setObjectName(QStringLiteral("phoneProblem"));
    m_phoneProblem->setPalette(bp);
    m_phoneProblem->setWordWrap(true);
    m_chatUrl = addField("chatUrl", tr("Chat &URL:"), form);
    m_chatSession = addField("chatSession", tr("Chat &session:"), form);
    m_faqUrl = addField("faqUrl", tr("&FAQ link:"), form);
    m_faqType = addField("faqType", tr("FAQ t&ype:"), form);
    m_descName = addField("descriptorName", tr("&Topic:"), form);
    m_descShort = addField("descriptorShort", tr("S&ummary:"), form);
    m_descLong = new QPlainTextEdit(m_form);
    m_descLong->setObjectName(QStringLiteral("descriptorLong"));
    m_descLong->setAccessibleName(tr("Description"));
    m_descLong->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    m_descLong->setTabChangesFocus(true);
    form->addRow(tr("&Description:"), m_descLong);
    connect(m_descLong, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading) {
            updateButtons();
            Q_EMIT editsChanged();
        }
    });
    m_links = new QLabel(m_form);
    m_links->setObjectName(QStringLiteral("detailLinks"));
    m_links->setAccessibleName(tr("Links"));
    m_links->setTextFormat(Qt::RichText);
    // Opened here, not by the label: a link nothing can open is said in the window.
    m_links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_links, &QLabel::linkActivated, this, &DetailPane::openLink);
    m_links->setWordWrap(true);
    form->addRow(tr("Links:"), m_links);
    m_unknown = new QPlainTextEdit(m_form);
    m_unknown->setObjectName(QStringLiteral("unknownFields"));
    m_unknown->setAccessibleName(tr("Other fields (read-only)"));
    m_unknown->setReadOnly(true);
    m_unknown->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    // Monospace is set when a session is first shown (see showEntry): finding that font costs
    // the first frame 1-2 ms, and the form is hidden until then.
    form->addRow(tr("Other fields:"), m_unknown);

    m_save = new QPushButton(tr("&Save"), m_form);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_revert = new QPushButton(tr("Re&vert"), m_form);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    // The draft state beside the buttons, not in the header: typing moves no field.
    m_draftState = new QLabel(m_form);
    m_draftState->setObjectName(QStringLiteral("draftState"));
    m_draftState->setWordWrap(true);
    // One line under the buttons for the draft note and the phone's problem, with the room the
    // longer of them needs (at 800x600 beside the buttons it would be a narrow column).
    auto *editState = new ReservedBox({draftStateText(), phoneProblemText()}, m_form);
    m_editState = editState->stack();
    m_editState->addWidget(m_draftState);
    m_editState->addWidget(m_phoneProblem);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_revert);
    saveRow->addWidget(m_save);
    connect(m_save, &QPushButton::clicked, this, &DetailPane::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &DetailPane::revertRequested);

    m_agentBox = new QGroupBox(tr("Agent"), m_form);
    m_agentBox->setObjectName(QStringLiteral("agentCard"));
    m_agentText = new QLabel(m_agentBox);
    m_agentText->setObjectName(QStringLiteral("agentText"));
    m_agentText->setAccessibleName(tr("Agent"));
    m_agentText->setTextFormat(Qt::RichText);
    m_agentText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                         | Qt::LinksAccessibleByKeyboard);
    connect(m_agentText, &QLabel::linkActivated, this, &DetailPane::openLink);
    m_agentText->setWordWrap(true);
    m_assign = new QPushButton(tr("&Assign…"), m_agentBox);
    m_assign->setObjectName(QStringLiteral("assignButton"));
    m_unassign = new QPushButton(tr("U&nassign"), m_agentBox);
    m_unassign->setObjectName(QStringLiteral("unassignButton"));
    connect(m_assign, &QPushButton::clicked, this, &DetailPane::assignRequested);
    connect(m_unassign, &QPushButton::clicked, this, &DetailPane::unassignRequested);
    auto *agentLayout = new QVBoxLayout(m_agentBox);
    agentLayout->addWidget(m_agentText);
    auto *agentButtons = new QHBoxLayout;
    agentButtons->addStretch();
    agentButtons->addWidget(m_unassign);
    agentButtons->addWidget(m_assign);
    agentLayout->addLayout(agentButtons);

    // The history: what the audit trail of this computer records for the session, newest first.
    m_historyIndex = std::make_unique<AuditOrderIndex>(QString());
    m_historyBox = new QGroupBox(tr("History"), m_form);
    m_historyBox->setObjectName(QStringLiteral("historyBox"));
    m_historyText = new QLabel(m_historyBox);
    m_historyText->setObjectName(QStringLiteral("historyText"));
    m_historyText->setAccessibleName(tr("History"));
    m_historyText->setTextFormat(Qt::RichText);
    m_historyText->setWordWrap(true);
    m_historyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long values wrap or are cut, never widen the pane.
    m_historyText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *historyLayout = new QVBoxLayout(m_historyBox);
    historyLayout->addWidget(m_historyText);
    m_historyBox->hide();

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addLayout(saveRow);
    formLayout->addWidget(editState);
    formLayout->addWidget(m_agentBox);
    formLayout->addWidget(m_historyBox);
    formLayout->addStretch();

    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(m_title);
    innerLayout->addWidget(m_state);
    innerLayout->addWidget(m_changedElsewhere);
    innerLayout->addWidget(m_readOnlyBox);
    innerLayout->addWidget(m_banner);
    innerLayout->addWidget(m_placeholder, 1);
    innerLayout->addWidget(m_form, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailScroll"));
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // it wraps instead
    scroll->setFrameShape(QFrame::NoFrame);
    m_form->hide(); // as showEntry(nullptr) leaves it: the scroll area sizes the pane without it
    scroll->setWidget(inner);
    new WidthFollower(scroll);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    showEntry(nullptr, false);
}

DetailPane::~DetailPane() = default;

QLineEdit *DetailPane::addField(const char *objectName, const QString &label, QFormLayout *form)
{
    auto *edit = new QLineEdit(m_form);
    edit->setObjectName(QString::fromLatin1(objectName));
    QString accessible = label;
    accessible.remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    edit->setAccessibleName(accessible);
    form->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        updateButtons();
        Q_EMIT editsChanged();
    });
    return edit;
}

void DetailPane::showEntry(const WorkspaceEntry *entry, bool pending)
{
    const bool sameSession = entry && m_hasEntry && entry->orderId == m_orderId;
    if (!entry || entry->orderId != m_orderId) {
        m_elsewhere.clear(); // named for the session shown until now
        m_changedElsewhere->hide();
    }
    m_hasEntry = entry != nullptr;
    m_placeholder->setVisible(!entry);
    m_form->setVisible(entry != nullptr);
    if (!entry) {
        m_orderId.clear();
        m_title->setText(tr("No session selected"));
        m_state->clear();
        m_draftState->clear();
        m_sending = false;
        m_readOnly = false;
        m_readOnlyBox->hide();
        hideBanner();
        updateHistory(false);
        return;
    }
    // A new request that waits in the outbox: what it will create is shown, but there is nothing
    // on the server to change yet.
    const std::optional<Support> waitingCreation =
        !entry->support && m_waitingCreation ? m_waitingCreation(entry->orderId) : std::nullopt;
    m_readOnly = entry->state == SessionState::Closed || entry->state == SessionState::NotFound
              || waitingCreation.has_value();
    m_readOnlyNotice->setText(waitingCreation
        ? tr("This new support request waits in the outbox with the values shown below. It is sent "
             "when the server answers again; then the session can be changed here.")
        : entry->state == SessionState::Closed
        ? tr("This session is closed and can no longer be changed. A new support request for "
             "this order starts a new session.")
        : tr("The server has no open session for this order, so there is nothing to change. "
             "A new support request for this order starts one."));
    m_newRequest->setVisible(!waitingCreation);
    m_readOnlyBox->setVisible(m_readOnly);
    for (QLineEdit *e : {m_phone, m_chatUrl, m_chatSession, m_faqUrl, m_faqType, m_descName, m_descShort})
        e->setReadOnly(m_readOnly);
    m_descLong->setReadOnly(m_readOnly);
    if (!sameSession) {
        hideBanner();
        // Another session starts at its top (its title and first fields), not where the last
        // one was scrolled to.
        if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("detailScroll")))
            scroll->verticalScrollBar()->setValue(0);
    }
    if (!entry->lastError.isEmpty() && entry->state == SessionState::Error)
        showBanner(entry->lastError, true);
    m_orderId = entry->orderId;
    m_title->setText(tr("Order %1").arg(entry->orderId));
    // One word, one meaning: "pending change" waits in the outbox; a request on its way is
    // "in progress"; a draft is an edit not yet saved.
    const bool waiting = m_waitingInOutbox && m_waitingInOutbox(entry->orderId);
    QString state = sessionStateName(entry->state);
    if (waiting)
        state = tr("pending change (in the outbox)");
    else if (pending)
        state = tr("in progress…");
    if (entry->lastSeen.isValid())
        state += QStringLiteral(" · ") + tr("last loaded %1").arg(QLocale().toString(entry->lastSeen.toLocalTime(), QLocale::ShortFormat));
    m_state->setText(state);
    m_sending = waiting || pending;
    updateHistory(false);

    const bool keepEdits = sameSession && isDirty() && !m_readOnly;
    m_server = waitingCreation ? *waitingCreation : entry->support.value_or(Support{});
    if (keepEdits) {
        // A background refresh must not wipe what the agent is typing; the agent card is not
        // part of the form and shows the server's agent.
        m_base.agent = m_server.agent; // a save must not send back an agent replaced meanwhile
        showAgentCard(entry->state);
        updateButtons();
        return;
    }
    m_base = entry->draft && !waitingCreation ? *entry->draft : m_server;
    m_base.agent = m_server.agent; // the agent is not edited here (assign requests change it)
    m_loading = true;
    const Support &s = m_base;
    setIfDifferent(m_phone, toQString(s.callbackPhone));
    setIfDifferent(m_chatUrl, s.chat ? toQString(s.chat->url) : QString());
    setIfDifferent(m_chatSession, s.chat ? toQString(s.chat->sessionId) : QString());
    setIfDifferent(m_faqUrl, s.faq ? toQString(s.faq->url) : QString());
    setIfDifferent(m_faqType, s.faq ? toQString(s.faq->mimeType) : QString());
    setIfDifferent(m_descName, s.descriptor ? toQString(s.descriptor->name) : QString());
    setIfDifferent(m_descShort, s.descriptor ? toQString(s.descriptor->shortDesc) : QString());
    if (const QString longDesc = s.descriptor ? toQString(s.descriptor->longDesc) : QString(); m_descLong->toPlainText() != longDesc)
        m_descLong->setPlainText(longDesc);
    if (m_unknown->font().family() != QLatin1String("monospace"))
        m_unknown->setFont(QFont(QStringLiteral("monospace")));
    m_unknown->setPlainText(s.extra.isNull() ? tr("(none)") : QString::fromStdString(s.extra.dump(2)));
    m_loading = false;
    if (!sameSession)
        selectFocusedField();

    QStringList links;
    if (s.chat && s.chat->url)
        links << anchor(QUrl(toQString(s.chat->url)), tr("Open chat"));
    if (s.faq && s.faq->url)
        links << anchor(QUrl(toQString(s.faq->url)), tr("Open FAQ"));
    if (s.callbackPhone && isValidPhone(toQString(s.callbackPhone)))
        links << anchor(telUrl(toQString(s.callbackPhone)), tr("Call %1").arg(toQString(s.callbackPhone)));
    m_links->setText(links.isEmpty() ? tr("none") : links.join(QStringLiteral(" · ")));

    showAgentCard(entry->state);
    updateButtons();
}

// The agent as the server has it (m_server), with the buttons that change it.
void DetailPane::reloadEntry(const WorkspaceEntry *entry, bool pending)
{
    m_hasEntry = false; // not "the same session": the form is filled anew
    showEntry(entry, pending);
}

Support DetailPane::editedSupport() const
{
    Support s = m_base;
    setOptional(s.callbackPhone, m_phone->text().trimmed());
    const auto setSub = [](auto &opt, auto apply) {
        if (!opt)
            opt.emplace();
        apply(*opt);
    };
    const QString chatUrl = m_chatUrl->text().trimmed(), chatSession = m_chatSession->text().trimmed();
    if (s.chat || !chatUrl.isEmpty() || !chatSession.isEmpty())
        setSub(s.chat, [&](Chat &c) {
            setOptional(c.url, chatUrl);
            setOptional(c.sessionId, chatSession);
        });
    const QString faqUrl = m_faqUrl->text().trimmed(), faqType = m_faqType->text().trimmed();
    if (s.faq || !faqUrl.isEmpty() || !faqType.isEmpty())
        setSub(s.faq, [&](Faq &f) {
            setOptional(f.url, faqUrl);
            setOptional(f.mimeType, faqType);
        });
    const QString name = m_descName->text().trimmed(), shortDesc = m_descShort->text().trimmed();
    const QString longDesc = m_descLong->toPlainText();
    if (s.descriptor || !name.isEmpty() || !shortDesc.isEmpty() || !longDesc.isEmpty())
        setSub(s.descriptor, [&](Descriptor &d) {
            setOptional(d.name, name);
            setOptional(d.shortDesc, shortDesc);
            setOptional(d.longDesc, longDesc);
        });
    // The agent is changed through Assign/Unassign only: keep the server's.
    s.agent = m_server.agent;
    return s;
}

bool DetailPane::isDirty() const
{
    if (!m_hasEntry)
        return false;
    Support server = m_server;
    return !(editedSupport() == server);
}

QString DetailPane::draftStateText()
{
    return tr("Unsaved edit, kept as a draft.");
}

QString DetailPane::phoneProblemText()
{
    return tr("The callback phone is not a phone number: use digits, spaces and an optional leading +.");
}

bool DetailPane::isValid() const
{
    return m_phone->text().trimmed().isEmpty() || isValidPhone(m_phone->text());
}

void DetailPane::updateButtons()
{
    const bool valid = isValid();
    m_phoneProblem->setText(valid ? QString() : phoneProblemText());
    m_editState->setCurrentWidget(valid ? m_draftState : m_phoneProblem);
    if (!valid && m_phoneWarning->icon().isNull())
        m_phoneWarning->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_phoneWarning->setVisible(!valid);
    m_phone->setToolTip(valid ? QString() : phoneProblemText());
    m_phone->setAccessibleDescription(valid ? QString() : phoneProblemText());
    const bool dirty = isDirty();
    // Every edit is kept as a draft the moment it is typed (MainWindow stores it).
    m_draftState->setText(dirty && !m_sending ? draftStateText() : QString());
    m_save->setEnabled(dirty && valid && !m_readOnly);
    m_revert->setEnabled(dirty); // a draft of a closed session can still be dropped
}

void DetailPane::showBanner(const QString &message, bool offerRetry, bool offerProfiles)
{
    m_bannerText->setText(message);
    m_retry->setVisible(offerRetry);
    m_openProfiles->setVisible(offerProfiles);
    m_banner->show();
}

void DetailPane::hideBanner()
{
    m_banner->hide();
    m_bannerText->clear();
}

void DetailPane::revealPhoneProblem()
{
    m_phone->setFocus(Qt::OtherFocusReason);
    if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("detailScroll")))
        scroll->ensureWidgetVisible(m_phoneProblem);
}

void DetailPane::focusFirstField()
{
    if (m_form->isVisible()) {
        m_phone->setFocus(Qt::OtherFocusReason);
        m_phone->selectAll(); // typing replaces the value, as after Tab
    } else {
        setFocus(Qt::OtherFocusReason);
    }
}

// Another session came into the form under the cursor (next session, go to): its value is
// selected, so typing replaces it instead of going in front of it.
void DetailPane::selectFocusedField()
{
    if (auto *edit = qobject_cast<QLineEdit *>(focusWidget()); edit && edit->hasFocus() && isAncestorOf(edit))
        edit->selectAll();
}

QString DetailPane::bannerText() const
{
    return m_banner->isVisible() ? m_bannerText->text() : QString();
}

} // namespace sd::ui
