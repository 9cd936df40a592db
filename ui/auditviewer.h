// The audit trail in the app: filter by order, agent and date; chain status; export as CSV.
#pragma once

#include "auditlog.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace sd::ui {

class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeqColumn, TimeColumn, UserColumn, OrderColumn, OperationColumn, ResultColumn,
                  ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setEntries(std::vector<AuditEntry> entries);
    void setFilter(const QString &orderOrAgent, const QDate &from, const QDate &to);
    std::vector<AuditEntry> shownEntries() const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    std::vector<AuditEntry> m_entries;
    std::vector<int> m_rows;
};

class AuditViewer : public QDialog
{
    Q_OBJECT
public:
    explicit AuditViewer(const QString &path, QWidget *parent = nullptr);
    AuditModel *model() const { return m_model; }
    QString chainStatus() const;
    bool exportTo(const QString &file, QString *error = nullptr) const;

private:
    void applyFilter();
    QString m_path;
    AuditModel *m_model;
    QLineEdit *m_filter;
    QDateEdit *m_from, *m_to;
    QLabel *m_status;
};

} // namespace sd::ui
