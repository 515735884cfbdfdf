#pragma once

#include <QSplitter>

class QComboBox;
class QMenu;
class QTabWidget;

namespace qc::gui {

class ComparePanel;
class ComparisonModel;
class LayerSensitivityView;
class ProjectController;
class RankScatterView;
class RankedCurveView;
class TradeOffPanel;
class UserPrompts;

// The charts above the op table: per-layer sensitivity on the left; on the right the ranked curve with its
// cut handles, metric vs metric, the comparison with a reference and the measured trade-offs, as tabs.
class ChartArea : public QSplitter
{
    Q_OBJECT
public:
    enum Tab { RankedCurveTab, ScatterTab, CompareTab, TradeOffTab };

    ChartArea(ProjectController* controller, UserPrompts* prompts, QWidget* parent = nullptr);

    LayerSensitivityView* layerChart() const { return m_layerChart; }
    RankedCurveView* rankedCurve() const { return m_rankedCurve; }
    RankScatterView* scatter() const { return m_scatter; }
    ComparePanel* comparePanel() const { return m_comparePanel; }
    TradeOffPanel* tradeOffPanel() const { return m_tradeOffPanel; }
    void showTab(Tab tab);
    // View menu: Alt+1..4 switch the tabs (window holds the shortcuts).
    void addViewActions(QMenu* view);
    // What an image export holds: the per-layer chart and the chart of the current tab (the ranked curve
    // when the tab is a table).
    QList<QWidget*> exportedCharts() const;

private:
    QWidget* createLayerPanel(ProjectController* controller);

    LayerSensitivityView* m_layerChart = nullptr;
    QComboBox* m_layerMode = nullptr;
    RankedCurveView* m_rankedCurve;
    RankScatterView* m_scatter;
    ComparisonModel* m_comparisonModel;
    ComparePanel* m_comparePanel;
    TradeOffPanel* m_tradeOffPanel;
    QTabWidget* m_tabs;
};

} // namespace qc::gui
