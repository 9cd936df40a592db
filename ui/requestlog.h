// The request log: every exchange with time, method, path, status, duration and error. Tokens
// are never recorded; phone numbers and e-mails are masked.
#pragma once

#include "apiclient.h"

#include <QAbstractTableModel>
#include <QDockWidget>
#include <deque>

class QTableView;

namespace sd::ui {

class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, MethodColumn, PathColumn, StatusColumn, DurationColumn,
                  ErrorColumn, ColumnCount };
    static constexpr int kMaxRows = 5000;

    explicit RequestLogModel(QObject *parent = nullptr);
    void add(const Exchange &exchange);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    // "curl ..." for the exchange, the token shown as $SUPPORTDESK_TOKEN, personal data masked.
    QString curlCommand(int row, bool withToken) const;

private:
    struct Row
    {
        Exchange exchange;
        QString maskedError;
    };
    std::deque<Row> m_rows;
};

class RequestLogDock : public QDockWidget
{
    Q_OBJECT
public:
    RequestLogDock(RequestLogModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }
    void copySelectedAsCurl();

private:
    RequestLogModel *m_model;
    QTableView *m_view;
};

} // namespace sd::ui
