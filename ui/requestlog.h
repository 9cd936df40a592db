// The request log: every exchange with time, method, server, path, status, duration and error. Tokens
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
    enum Column { TimeColumn, MethodColumn, ServerColumn, PathColumn, StatusColumn,
                  DurationColumn, ErrorColumn, ColumnCount };
    static constexpr int kMaxRows = 5000;

    explicit RequestLogModel(QObject *parent = nullptr);
    void add(const Exchange &exchange);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    enum class Body { Masked, Real };
    // "curl ..." for the exchange, the token shown as $SUPPORTDESK_TOKEN, the server address
    // without credentials. With Body::Masked (the default) personal data in the body is masked
    // and, if there is a body, the command is commented out under a line saying that running
    // it would write the masked values; Body::Real is the body as it was sent (the agent asks
    // for it explicitly).
    QString curlCommand(int row, bool withToken, Body body = Body::Masked) const;

private:
    struct Row
    {
        Exchange exchange; // its requestBody masked
        QString maskedError;
        QByteArray realBody; // in memory only, for "Copy as curl with the real body"
    };
    std::deque<Row> m_rows;
};

class RequestLogDock : public QDockWidget
{
    Q_OBJECT
public:
    RequestLogDock(RequestLogModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; } // null until the dock is first shown
    void copySelectedAsCurl(RequestLogModel::Body body = RequestLogModel::Body::Masked);

protected:
    bool event(QEvent *event) override;

private:
    // The table is made when the dock is first shown (F12): hidden at start, it would only
    // delay the window's first frame.
    void makeView();

    RequestLogModel *m_model;
    QTableView *m_view = nullptr;
    bool m_followNewest = true; // the view is at the newest row: it stays there
};

} // namespace sd::ui
