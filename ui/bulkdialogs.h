// Bulk work on many sessions: a preview of what will change, then a progress dialog with
// done / failed / remaining, an estimate, Cancel, a result per session and "Retry failed".
#pragma once

#include "bulkrun.h"

#include <QAbstractListModel>
#include <QHash>
#include <QElapsedTimer>
#include <QDialog>

class QLabel;
class QListView;
class QTimer;
class QProgressBar;
class QPushButton;

namespace sd::ui {

// Plain lines in a list model (no item widgets: a preview may hold 100k lines).
class LinesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;
    void setLines(QStringList lines);
    void setLine(int row, const QString &line);
    const QStringList &lines() const { return m_lines; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList m_lines;
};

class BulkPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // `lines` name every selected session, the skipped ones too; `runCount` of them are sent.
    // An irreversible run is never the default button: Enter cancels.
    BulkPreviewDialog(const QString &title, const QString &summary, const QStringList &lines,
                      int runCount, bool irreversible, QWidget *parent = nullptr);
    LinesModel *model() const { return m_model; }

private:
    LinesModel *m_model;
};

class BulkProgressDialog : public QDialog
{
    Q_OBJECT
public:
    BulkProgressDialog(const QString &title, QWidget *parent = nullptr);
    // Shows `run` (not owned) until it finishes; then lists the results.
    void track(BulkRun *run);
    // Where each session goes (order ID -> agent's name), named in its line; before track().
    void setTargets(const QHash<QString, QString> &targetOf) { m_targetOf = targetOf; }
    QStringList failedOrderIds() const { return m_failed; }
    QString statusText() const;

Q_SIGNALS:
    void retryFailedRequested(const QStringList &orderIds);

private:
    void update();
    void showFinished();
    void showDetail(const QModelIndex &index);
    QString estimateText() const;
    QString label(const QString &orderId) const;
    QPointer<BulkRun> m_run;
    QHash<QString, QString> m_targetOf;
    QLabel *m_status;
    QProgressBar *m_bar;
    QListView *m_results;
    QLabel *m_detail; // the selected result in full, wrapped (a list row is one line)
    LinesModel *m_model;
    QPushButton *m_cancel, *m_retry, *m_close;
    QStringList m_failed;
    QStringList m_retryable; // the failed ones another try may help
    QTimer *m_tick;          // counts the estimate down between answers
    qint64 m_etaMs = -1;     // the run's estimate at its last answer
    QElapsedTimer m_sinceEta;
};

} // namespace sd::ui
