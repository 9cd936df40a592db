#include "bulkdialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
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
    // The tooltip: a line longer than the list is wide can still be read whole.
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole))
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
                                     const QStringList &lines, int runCount, bool irreversible,
                                     QWidget *parent)
    : QDialog(parent), m_model(new LinesModel(this))
{
    setObjectName(QStringLiteral("bulkPreviewDialog"));
    setWindowTitle(title);
    m_model->setLines(lines);
    auto *label = new QLabel(summary, this);
    label->setObjectName(QStringLiteral("bulkSummary"));
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *run = buttons->button(QDialogButtonBox::Ok);
    run->setText(tr("Run on %n session(s)", nullptr, runCount));
    run->setEnabled(runCount > 0);
    if (irreversible) {
        // Enter must not start what cannot be undone: Cancel is the default, Run only clicked.
        run->setAutoDefault(false);
        buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    }
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
    m_status->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("bulkProgress"));
    m_bar->setAccessibleName(tr("Progress"));
    m_results = makeList(this, "bulkResults", tr("Results"), m_model);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("bulkResultDetail"));
    m_detail->setAccessibleName(tr("Selected result"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->hide();
    connect(m_results->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showDetail(current); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl) {
        if (tl.row() == m_results->currentIndex().row())
            showDetail(m_results->currentIndex());
    });
    m_tick = new QTimer(this);
    m_tick->setInterval(500);
    connect(m_tick, &QTimer::timeout, this, &BulkProgressDialog::update);
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
    layout->addWidget(m_detail);
    layout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const QStringList failed = m_retryable;
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
        lines << tr("%1 — waiting").arg(label(r.orderId));
    m_model->setLines(lines);
    m_bar->setRange(0, run->total());
    connect(run, &BulkRun::itemStarted, this, [this](int index) {
        if (m_run)
            m_model->setLine(index, tr("%1 — running").arg(label(m_run->results()[size_t(index)].orderId)));
    });
    connect(run, &BulkRun::itemFinished, this, [this](int index, const BulkItemResult &r) {
        m_model->setLine(index, r.ok() ? tr("%1 — done").arg(label(r.orderId))
                                       : tr("%1 — FAILED: %2").arg(label(r.orderId), r.error.message()));
        if (!r.ok()) {
            m_failed << r.orderId;
            if (r.error.canSucceedOnRetry())
                m_retryable << r.orderId;
        }
    });
    connect(run, &BulkRun::progress, this, [this] {
        if (m_run) {
            m_etaMs = m_run->estimatedRemainingMs();
            m_sinceEta.start();
        }
        update();
    });
    connect(run, &BulkRun::finished, this, [this] {
        m_tick->stop();
        if (m_run && m_run->isCancelled()) {
            for (const BulkItemResult &r : m_run->results())
                if (!r.done) {
                    m_failed << r.orderId; // not run: offered for retry too
                    m_retryable << r.orderId;
                }
        }
        update();
        m_cancel->setEnabled(false);
        m_close->setEnabled(true);
        m_retry->setEnabled(!m_retryable.isEmpty());
        // The first failure, in full, without a click; with none, that the run is over.
        for (int row = 0; m_run && row < m_run->total(); ++row)
            if (!m_run->results()[size_t(row)].ok()) {
                m_results->setCurrentIndex(m_model->index(row));
                return;
            }
        showFinished();
    });
    m_tick->start();
    update();
}

QString BulkProgressDialog::label(const QString &orderId) const
{
    const auto to = m_targetOf.constFind(orderId);
    //: A line of a bulk run's results: the order ID and the agent it goes to.
    return to == m_targetOf.cend() ? orderId : tr("%1 → %2").arg(orderId, *to);
}

void BulkProgressDialog::showFinished()
{
    if (!m_run)
        return;
    const int done = m_run->doneCount() - m_run->failedCount();
    m_detail->setText(m_run->isCancelled() ? tr("The run was cancelled: %n session(s) done.", nullptr, done)
                                           : tr("The run finished: %n session(s) done.", nullptr, done));
    m_detail->show();
}

QString BulkProgressDialog::statusText() const
{
    return m_status->text();
}

void BulkProgressDialog::showDetail(const QModelIndex &index)
{
    const QString text = index.isValid() ? index.data().toString() : QString();
    m_detail->setText(text);
    m_detail->setVisible(!text.isEmpty());
}

QString BulkProgressDialog::estimateText() const
{
    if (m_etaMs < 0)
        return tr("estimating the time left…");
    const qint64 left = m_etaMs - (m_sinceEta.isValid() ? m_sinceEta.elapsed() : 0);
    if (left <= 0)
        return tr("almost done");
    return tr("about %n second(s) left", nullptr, int((left + 999) / 1000));
}

void BulkProgressDialog::update()
{
    if (!m_run)
        return;
    const int done = m_run->doneCount(), failed = m_run->failedCount();
    m_bar->setValue(done);
    QString text = tr("%1 done, %2 failed, %3 remaining").arg(done - failed).arg(failed).arg(m_run->remaining());
    if (!m_run->isFinished())
        text += QStringLiteral(" · ") + estimateText();
    if (m_run->isFinished())
        text += QStringLiteral(" · ") + (m_run->isCancelled() ? tr("cancelled") : tr("finished"));
    if (const int hopeless = int(m_failed.size() - m_retryable.size()); m_run->isFinished() && hopeless > 0)
        text += QLatin1Char('\n')
              + tr("%n failure(s) cannot succeed if tried again (no open session on the server, or one "
                   "already open), so \"Retry failed\" leaves them out.", nullptr, hopeless);
    m_status->setText(text);
}

} // namespace sd::ui
