#include "bulkdialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sd::ui {

void LinesModel::setLines(QStringList lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

void LinesModel::setLine(int row, const QString &line)
{
    if (row < 0 || row >= m_lines.size())
        return;
    m_lines[row] = line;
    Q_EMIT dataChanged(index(row), index(row));
}

int LinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant LinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    return m_lines.value(index.row());
}

namespace {
QListView *makeList(QWidget *parent, const char *name, const QString &accessible, LinesModel *model)
{
    auto *view = new QListView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setAccessibleName(accessible);
    view->setUniformItemSizes(true); // constant cost per row, whatever the count
    view->setModel(model);
    return view;
}
} // namespace

BulkPreviewDialog::BulkPreviewDialog(const QString &title, const QString &summary,
                                     const QStringList &lines, QWidget *parent)
    : QDialog(parent), m_model(new LinesModel(this))
{
    setObjectName(QStringLiteral("bulkPreviewDialog"));
    setWindowTitle(title);
    m_model->setLines(lines);
    auto *label = new QLabel(summary, this);
    label->setObjectName(QStringLiteral("bulkSummary"));
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run on %n session(s)", nullptr, int(lines.size())));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(makeList(this, "bulkPreviewList", tr("What will change"), m_model), 1);
    layout->addWidget(buttons);
    resize(560, 420);
}

BulkProgressDialog::BulkProgressDialog(const QString &title, QWidget *parent)
    : QDialog(parent), m_model(new LinesModel(this))
{
    setObjectName(QStringLiteral("bulkProgressDialog"));
    setWindowTitle(title);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("bulkStatus"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("bulkProgress"));
    m_bar->setAccessibleName(tr("Progress"));
    m_results = makeList(this, "bulkResults", tr("Results"), m_model);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("bulkCancel"));
    m_retry = new QPushButton(tr("&Retry failed"), this);
    m_retry->setObjectName(QStringLiteral("bulkRetryFailed"));
    m_retry->setEnabled(false);
    m_close = new QPushButton(tr("C&lose"), this);
    m_close->setObjectName(QStringLiteral("bulkClose"));
    m_close->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_results, 1);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const QStringList failed = m_failed;
        accept();
        Q_EMIT retryFailedRequested(failed);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    resize(560, 420);
}

void BulkProgressDialog::track(BulkRun *run)
{
    m_run = run;
    QStringList lines;
    lines.reserve(run->total());
    for (const BulkItemResult &r : run->results())
        lines << tr("%1 — waiting").arg(r.orderId);
    m_model->setLines(lines);
    m_bar->setRange(0, run->total());
    connect(run, &BulkRun::itemFinished, this, [this](int index, const BulkItemResult &r) {
        m_model->setLine(index, r.ok() ? tr("%1 — done").arg(r.orderId)
                                       : tr("%1 — FAILED: %2").arg(r.orderId, r.error.message()));
        if (!r.ok())
            m_failed << r.orderId;
    });
    connect(run, &BulkRun::progress, this, &BulkProgressDialog::update);
    connect(run, &BulkRun::finished, this, [this] {
        update();
        if (m_run && m_run->isCancelled()) {
            for (const BulkItemResult &r : m_run->results())
                if (!r.done)
                    m_failed << r.orderId; // not run: offered for retry too
        }
        m_cancel->setEnabled(false);
        m_close->setEnabled(true);
        m_retry->setEnabled(!m_failed.isEmpty());
    });
    update();
}

QString BulkProgressDialog::statusText() const
{
    return m_status->text();
}

void BulkProgressDialog::update()
{
    if (!m_run)
        return;
    const int done = m_run->doneCount(), failed = m_run->failedCount();
    m_bar->setValue(done);
    QString text = tr("%1 done, %2 failed, %3 remaining").arg(done - failed).arg(failed).arg(m_run->remaining());
    const qint64 eta = m_run->estimatedRemainingMs();
    if (m_run->isRunning() && eta >= 0)
        text += QStringLiteral(" · ") + tr("about %1 s left").arg((eta + 999) / 1000);
    if (m_run->isFinished())
        text += QStringLiteral(" · ") + (m_run->isCancelled() ? tr("cancelled") : tr("finished"));
    m_status->setText(text);
}

} // namespace sd::ui
