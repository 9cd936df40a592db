#include "auditviewer.h"

#include "privatefile.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace sd::ui {

namespace {
// One row per change: an intent shows only while its outcome is unknown (its outcome row
// carries the whole change).
bool shown(const AuditEntry &e)
{
    return e.phase != AuditEntry::Phase::Intent || e.link == 0;
}
} // namespace

void AuditModel::setEntries(std::vector<AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_rows.clear();
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) // newest first
        if (shown(m_entries[size_t(i)]))
            m_rows.push_back(i);
    endResetModel();
}

void AuditModel::setFilter(const QString &orderOrAgent, const QDate &from, const QDate &to)
{
    beginResetModel();
    m_rows.clear();
    const QString needle = orderOrAgent.trimmed();
    for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
        const AuditEntry &e = m_entries[size_t(i)];
        if (!shown(e))
            continue;
        const QDate day = e.time.toLocalTime().date();
        if (from.isValid() && day < from)
            continue;
        if (to.isValid() && day > to)
            continue;
        if (!needle.isEmpty() && !e.orderId.contains(needle, Qt::CaseInsensitive)
            && !e.user.contains(needle, Qt::CaseInsensitive)
            && !QString::fromUtf8(e.before).contains(needle, Qt::CaseInsensitive)
            && !QString::fromUtf8(e.after).contains(needle, Qt::CaseInsensitive))
            continue;
        m_rows.push_back(i);
    }
    endResetModel();
}

std::vector<AuditEntry> AuditModel::shownEntries() const
{
    std::vector<AuditEntry> out;
    for (auto it = m_rows.rbegin(); it != m_rows.rend(); ++it)
        out.push_back(m_entries[size_t(*it)]);
    return out;
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry &e = m_entries[size_t(m_rows[size_t(index.row())])];
    if (role == Qt::ToolTipRole)
        return tr("Before: %1\nAfter: %2").arg(QString::fromUtf8(e.before.left(400)),
                                              QString::fromUtf8(e.after.left(400)));
    switch (index.column()) {
    case SeqColumn: return e.seq;
    case TimeColumn: return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case UserColumn: return e.user;
    case OrderColumn: return e.orderId;
    case OperationColumn: return e.operation;
    case ResultColumn: return e.result;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn: return tr("#");
    case TimeColumn: return tr("Time");
    case UserColumn: return tr("User");
    case OrderColumn: return tr("Order");
    case OperationColumn: return tr("Operation");
    case ResultColumn: return tr("Result");
    }
    return {};
}

AuditViewer::AuditViewer(const QString &path, QWidget *parent)
    : QDialog(parent), m_path(path), m_model(new AuditModel(this))
{
    setObjectName(QStringLiteral("auditViewer"));
    setWindowTitle(tr("Audit trail"));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setAccessibleName(tr("Filter by order or agent"));
    m_filter->setPlaceholderText(tr("Order or agent"));
    m_filter->setClearButtonEnabled(true);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_to->setAccessibleName(tr("To date"));
    m_to->setCalendarPopup(true);
    QString error;
    std::vector<AuditEntry> entries = AuditLog::read(path, &error);
    const QDate first = entries.empty() ? QDate::currentDate() : entries.front().time.toLocalTime().date();
    m_from->setDate(first);
    m_to->setDate(QDate::currentDate());
    m_model->setEntries(std::move(entries));
    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("auditView"));
    view->setAccessibleName(tr("Audit entries"));
    view->setModel(m_model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditChainStatus"));
    const AuditVerification v = AuditLog::verify(path);
    QStringList status{!error.isEmpty() ? tr("Cannot read %1: %2").arg(path, error)
                       : v.intact ? tr("Chain intact (%n record(s)): none changed, removed or reordered.", nullptr, int(v.entries))
                                  : tr("TAMPERED: %1").arg(v.reason)};
    status += v.notes;
    m_status->setText(status.join(QLatin1Char('\n')));
    m_status->setWordWrap(true);
    auto *exportButton = new QPushButton(tr("&Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("auditExport"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export audit trail"),
                                                          QStringLiteral("audit.csv"), tr("CSV files (*.csv)"));
        QString problem;
        if (!file.isEmpty() && !exportTo(file, &problem))
            m_status->setText(tr("Could not write %1: %2").arg(file, problem));
    });
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(new QLabel(tr("from"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(exportButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &AuditViewer::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditViewer::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditViewer::applyFilter);
    applyFilter();
    resize(860, 520);
}

void AuditViewer::applyFilter()
{
    m_model->setFilter(m_filter->text(), m_from->date(), m_to->date());
}

QString AuditViewer::chainStatus() const
{
    return m_status->text();
}

bool AuditViewer::exportTo(const QString &file, QString *error) const
{
    QSaveFile out(file); // names, order IDs: 0600, written atomically
    const QByteArray csv = AuditLog::exportCsv(m_model->shownEntries(), false);
    if (!openPrivate(out) || out.write(csv) != csv.size() || !out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace sd::ui
