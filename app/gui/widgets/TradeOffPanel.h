#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace qc::gui {

class ProjectController;
class TradeOffModel;
class TradeOffView;

// The Trade-off tab: the chart of one outcome metric against one compression measure (both chosen here),
// under it the table of every measured variant beside the suggestions, and a button that removes
// the outcomes (one undo step). Results files come in through File > Open like any other file.
class TradeOffPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TradeOffPanel(ProjectController* controller, QWidget* parent = nullptr);

    TradeOffView* view() const { return m_view; }
    TradeOffModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QComboBox* metricChooser() const { return m_metric; }
    QComboBox* measureChooser() const { return m_measure; }
    QLabel* suggestionsLabel() const { return m_suggestions; }
    void setActive(bool active);

private:
    void updateMetrics();

    ProjectController* m_controller;
    TradeOffView* m_view;
    TradeOffModel* m_model;
    QTableView* m_table;
    QComboBox* m_metric;
    QComboBox* m_measure;
    QLabel* m_suggestions;
    QPushButton* m_clear;
};

} // namespace qc::gui
