#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTableView;

namespace qc::gui {

class OpFilterProxyModel;
class OpTableModel;
class ProjectController;

// The op table with its filter bar (name text/regex, component, type, status), the hand-edit actions
// (K keep, I force INT8, Delete clear; also on the context menu) and two-way selection with the charts.
class OpTablePanel : public QWidget
{
    Q_OBJECT
public:
    enum EditAction { ClearEdit = -1, KeepEdit = 0, Int8Edit = 1 };

    OpTablePanel(ProjectController* controller, OpTableModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    OpFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    QList<QAction*> editActions() const { return m_editActions; }
    int currentOp() const;
    void selectOp(int op);

signals:
    void editRequested(int op, int action); // EditAction

private:
    void refreshFilterChoices();

    ProjectController* m_controller;
    OpTableModel* m_model;
    OpFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QCheckBox* m_regex;
    QComboBox* m_component;
    QComboBox* m_type;
    QComboBox* m_status;
    QList<QAction*> m_editActions;
    bool m_selecting = false;
};

} // namespace qc::gui
