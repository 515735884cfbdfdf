#include "TradeOffPanel.h"

#include "ProjectController.h"
#include "chart/TradeOffView.h"
#include "models/TradeOffModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

TradeOffPanel::TradeOffPanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_view(new TradeOffView(controller))
    , m_model(new TradeOffModel(controller, this))
    , m_table(new QTableView)
    , m_metric(new QComboBox)
    , m_measure(new QComboBox)
    , m_suggestions(new QLabel)
    , m_clear(new QPushButton(tr("Remove outcomes")))
{
    m_metric->setToolTip(tr("The outcome metric on the y axis"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(18);
    for (const CompressionMeasure::Kind k : CompressionMeasure::kAll)
        m_measure->addItem(CompressionMeasure::title(k), int(k));
    m_measure->setToolTip(
        tr("The compression measure on the x axis; the Pareto front and the suggestions use it "
           "too"));
    m_clear->setToolTip(tr("Detach every measured outcome from the profiles (undoable)"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_suggestions->setWordWrap(true);
    m_suggestions->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_suggestions->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Outcome:")));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("against")));
    bar->addWidget(m_measure);
    bar->addStretch();
    bar->addWidget(m_clear);
    // The chart takes the width (its x axis needs it), the table and the suggestions share the strip below.
    auto* suggestions = new QScrollArea;
    suggestions->setWidget(m_suggestions);
    suggestions->setWidgetResizable(true);
    suggestions->setFrameShape(QFrame::NoFrame);
    auto* below = new QSplitter(Qt::Horizontal);
    below->addWidget(m_table);
    below->addWidget(suggestions);
    below->setStretchFactor(0, 3);
    below->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_view);
    split->addWidget(below);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({ 600, 260 }); // proportions: the table's size hint would take most of the height
    below->setSizes({ 560, 380 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_view->setMetric(index);
    });
    connect(m_measure, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto measure = CompressionMeasure::Kind(m_measure->itemData(index).toInt());
        m_view->setMeasure(measure);
        m_model->setMeasure(measure);
    });
    connect(m_view, &TradeOffView::rebuilt, this, &TradeOffPanel::updateMetrics);
    connect(m_model, &TradeOffModel::suggestionsChanged, this, [this](const QStringList& suggestions) {
        m_suggestions->setText(suggestions.isEmpty()
                ? tr("Open results files (File > Open: CSV, JSON or YAML rows, or lm-evaluation-harness "
                     "results) to "
                     "compare the profiles' measured quality.")
                : QStringLiteral("• ") + suggestions.join(QStringLiteral("\n• ")));
    });
    // A row names a profile: selecting it selects the profile everywhere, as a click on its point does.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const int profile = index.data(TradeOffModel::ProfileRole).toInt();
        if (profile >= 0)
            m_controller->setSelectedProfile(profile);
    });
    connect(m_clear, &QPushButton::clicked, this,
        [this] { m_controller->setOutcomes({}, tr("Remove measured outcomes")); });
    updateMetrics();
}

void TradeOffPanel::setActive(bool active)
{
    m_model->setActive(active);
}

void TradeOffPanel::updateMetrics()
{
    // The chooser follows the view's metrics, keeping the choice by name where it still exists.
    const QString current = m_metric->currentText();
    QStringList names;
    for (const TradeOff::Metric& m : m_view->tradeOff().metrics())
        names.append(m.name);
    m_clear->setEnabled(!m_controller->project().outcomes().empty());
    QStringList shown;
    for (int i = 0; i < m_metric->count(); ++i)
        shown.append(m_metric->itemText(i));
    if (shown == names)
        return;
    const QSignalBlocker block(m_metric);
    m_metric->clear();
    m_metric->addItems(names);
    const int keep = int(names.indexOf(current));
    m_metric->setCurrentIndex(keep >= 0 ? keep : (names.isEmpty() ? -1 : 0));
    if (m_metric->currentIndex() >= 0 && m_metric->currentIndex() != m_view->metric())
        m_view->setMetric(m_metric->currentIndex());
}

} // namespace qc::gui
