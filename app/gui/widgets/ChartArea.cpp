#include "ChartArea.h"

#include "AppSettings.h"
#include "ComparePanel.h"
#include "MenuAction.h"
#include "ScatterPanel.h"
#include "TradeOffPanel.h"
#include "chart/LayerSensitivityView.h"
#include "chart/RankScatterView.h"
#include "chart/RankedCurveView.h"
#include "chart/TradeOffView.h"
#include "models/ComparisonModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace qc::gui {

ChartArea::ChartArea(ProjectController* controller, UserPrompts* prompts, QWidget* parent)
    : QSplitter(Qt::Horizontal, parent)
{
    addWidget(createLayerPanel(controller));
    m_rankedCurve = new RankedCurveView(controller);
    auto* scatterPanel = new ScatterPanel(controller);
    m_scatter = scatterPanel->view();
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_rankedCurve, tr("Ranked curve && cuts"));
    m_tabs->addTab(scatterPanel, tr("Metric vs metric"));
    m_comparisonModel = new ComparisonModel(controller, this);
    m_comparePanel = new ComparePanel(controller, m_comparisonModel, prompts);
    m_tabs->addTab(m_comparePanel, tr("Compare"));
    m_tradeOffPanel = new TradeOffPanel(controller);
    m_tabs->addTab(m_tradeOffPanel, tr("Trade-off"));
    // The comparison costs a reconciliation and a pass over every op, the trade-offs a pass per measured
    // profile: only while their tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_comparisonModel->setActive(m_tabs->widget(index) == m_comparePanel);
        m_tradeOffPanel->setActive(m_tabs->widget(index) == m_tradeOffPanel);
    });
    addWidget(m_tabs);
    setStretchFactor(0, 1);
    setStretchFactor(1, 1);
    setSizes({ 540, 460 });
}

QWidget* ChartArea::createLayerPanel(ProjectController* controller)
{
    m_layerChart = new LayerSensitivityView(controller);
    m_layerMode = new QComboBox;
    m_layerMode->addItems({ tr("Mean normalized rank"), tr("Max normalized rank"), tr("Min-max value"),
        tr("Raw value (log)") });
    m_layerMode->setToolTip(
        tr("How ops of one layer are summarized: normalized rank (1 = most sensitive), min-max "
           "normalized value, or the raw values on a log axis"));
    connect(m_layerMode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        m_layerChart->setMode(LayerSensitivityView::Mode(mode));
        AppSettings::layerChartMode.set(mode);
    });
    m_layerMode->setCurrentIndex(std::clamp(AppSettings::layerChartMode.get(), 0, 3));
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Per layer:")));
    bar->addWidget(m_layerMode);
    bar->addStretch();
    layout->addLayout(bar);
    layout->addWidget(m_layerChart, 1);
    return panel;
}

void ChartArea::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void ChartArea::addViewActions(QMenu* view)
{
    const std::pair<QString, Tab> tabs[] = { { tr("&Ranked Curve"), RankedCurveTab },
        { tr("&Metric vs Metric"), ScatterTab }, { tr("&Compare with a Reference"), CompareTab },
        { tr("&Trade-off (Measured Outcomes)"), TradeOffTab } };
    for (const auto& [text, tab] : tabs) {
        QAction* action
            = addMenuAction(window(), view, text, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)));
        connect(action, &QAction::triggered, this, [this, tab = tab] { showTab(tab); });
    }
}

QList<QWidget*> ChartArea::exportedCharts() const
{
    QWidget* right = m_tabs->currentIndex() == ScatterTab ? static_cast<QWidget*>(m_scatter)
        : m_tabs->currentIndex() == TradeOffTab           ? static_cast<QWidget*>(m_tradeOffPanel->view())
                                                          : static_cast<QWidget*>(m_rankedCurve);
    return { m_layerChart, right };
}

} // namespace qc::gui
