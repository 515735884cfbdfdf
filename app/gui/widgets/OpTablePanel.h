#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
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
    // Highlights op in the table; an op the filter hides clears the filter first, so the table never keeps
    // another row highlighted than the one the charts mark (the keys act on the highlighted row).
    void selectOp(int op);
    void clearFilters();
    QLabel* matchCountLabel() const { return m_matchCount; }
    QComboBox* statusFilter() const { return m_status; }

signals:
    void message(const QString& text); // for the status bar

private:
    void refreshFilterChoices();
    void refreshStatusChoices();
    void fitMetricColumns();
    void fitProfileColumns();
    void updateMatchCount();
    void triggerEdit(int action);
    void updateForceText();

    ProjectController* m_controller;
    OpTableModel* m_model;
    OpFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QCheckBox* m_regex;
    QComboBox* m_component;
    QComboBox* m_type;
    QComboBox* m_status;
    QLabel* m_matchCount;
    QList<QAction*> m_editActions;
    bool m_selecting = false;
};

} // namespace qc::gui
