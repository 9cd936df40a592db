#include "conflictdialog.h"

#include "stdstring.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

namespace sd::ui {

namespace {

using Getter = std::function<QString(const Support &)>;
using Setter = std::function<void(Support &to, const Support &from)>;

struct FieldDef
{
    const char *label;
    Getter get;
    Setter take;
};

const std::vector<FieldDef> &fields()
{
    static const std::vector<FieldDef> defs = {
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Callback phone"),
         [](const Support &s) { return toQString(s.callbackPhone); },
         [](Support &t, const Support &f) { t.callbackPhone = f.callbackPhone; }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Chat URL"),
         [](const Support &s) { return s.chat ? toQString(s.chat->url) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.chat) t.chat.emplace();
             t.chat->url = f.chat ? f.chat->url : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Chat session"),
         [](const Support &s) { return s.chat ? toQString(s.chat->sessionId) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.chat) t.chat.emplace();
             t.chat->sessionId = f.chat ? f.chat->sessionId : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "FAQ link"),
         [](const Support &s) { return s.faq ? toQString(s.faq->url) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.faq) t.faq.emplace();
             t.faq->url = f.faq ? f.faq->url : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "FAQ type"),
         [](const Support &s) { return s.faq ? toQString(s.faq->mimeType) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.faq) t.faq.emplace();
             t.faq->mimeType = f.faq ? f.faq->mimeType : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Topic"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->name) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.descriptor) t.descriptor.emplace();
             t.descriptor->name = f.descriptor ? f.descriptor->name : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Summary"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->shortDesc) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.descriptor) t.descriptor.emplace();
             t.descriptor->shortDesc = f.descriptor ? f.descriptor->shortDesc : std::nullopt;
         }},
        {QT_TRANSLATE_NOOP("sd::ui::ConflictDialog", "Description"),
         [](const Support &s) { return s.descriptor ? toQString(s.descriptor->longDesc) : QString(); },
         [](Support &t, const Support &f) {
             if (!t.descriptor) t.descriptor.emplace();
             t.descriptor->longDesc = f.descriptor ? f.descriptor->longDesc : std::nullopt;
         }},
    };
    return defs;
}

} // namespace

ConflictDialog::ConflictDialog(const QString &orderId, const Support &theirs, const Support &mine,
                               const std::optional<Support> &base, QWidget *parent)
    : QDialog(parent), m_theirs(theirs), m_mine(mine)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Order %1 changed meanwhile").arg(orderId));
    auto *label = new QLabel(tr("Someone else changed this session since you loaded it. Choose, per "
                                "field, which value to keep. Nothing is sent until you confirm."), this);
    label->setWordWrap(true);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setAccessibleName(tr("Fields that differ"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Theirs (on the server)"), tr("Mine (keep)")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (const FieldDef &f : fields()) {
        const QString t = f.get(theirs), m = f.get(mine);
        if (t == m)
            continue; // only what differs
        if (base) {
            const QString b = f.get(*base);
            if (t == b) { // only I changed it: mine, nothing to choose
                m_onlyMine.push_back(int(&f - fields().data()));
                continue;
            }
            if (m == b)
                continue; // only they changed it: theirs
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(tr(f.label));
        name->setData(Qt::UserRole, int(&f - fields().data()));
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(t.isEmpty() ? tr("(empty)") : t));
        auto *mineItem = new QTableWidgetItem(m.isEmpty() ? tr("(empty)") : m);
        mineItem->setFlags(mineItem->flags() | Qt::ItemIsUserCheckable);
        mineItem->setCheckState(Qt::Checked); // both changed it: mine unless the agent says otherwise
        m_table->setItem(row, 2, mineItem);
    }
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save the chosen values"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep mine as a draft"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(720, 380);
}

int ConflictDialog::fieldCount() const
{
    return m_table->rowCount();
}

void ConflictDialog::chooseMine(int row, bool mine)
{
    if (QTableWidgetItem *item = m_table->item(row, 2))
        item->setCheckState(mine ? Qt::Checked : Qt::Unchecked);
}

Support ConflictDialog::merged() const
{
    Support out = m_theirs;
    for (const int i : m_onlyMine)
        fields()[size_t(i)].take(out, m_mine);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 2)->checkState() != Qt::Checked)
            continue;
        const FieldDef &f = fields()[size_t(m_table->item(row, 0)->data(Qt::UserRole).toInt())];
        f.take(out, m_mine);
    }
    out.agent = m_theirs.agent; // the agent changes through assign and unassign only
    return out;
}

} // namespace sd::ui
