#include "SourcesPanel.h"

#include "ProjectController.h"
#include "models/SourcesModel.h"

#include <QAction>
#include <QCheckBox>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

SourcesPanel::SourcesPanel(ProjectController* controller, SourcesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_allMeasured(new QCheckBox(tr("All values are measured"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents); // a few sources
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_flip = new QAction(tr("Reverse &Polarity"), this);
    m_flip->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_flip->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_flip->setToolTip(tr("Reverse the selected source's polarity (undoable)"));
    connect(m_flip, &QAction::triggered, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            m_controller->setMetricFlipped(row, !m_controller->project().metrics()[size_t(row)].flipped);
    });
    m_view->addAction(m_flip);
    addAction(m_flip);
    m_rename = new QAction(tr("&Rename Source"), this);
    m_rename->setToolTip(
        tr("Rename the selected source (undoable); the name shows in every legend and header"));
    connect(m_rename, &QAction::triggered, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            m_view->edit(m_model->index(row, SourcesModel::NameColumn));
    });
    m_view->addAction(m_rename);
    m_allMeasured->setToolTip(
        tr("Count every value of the selected source as a measurement (undoable): exact-zero or tied "
           "components rank instead of being set aside as \"no signal\". Only when you know the run "
           "measured them."));
    // clicked, not toggled: only the user's click is an edit; updateDetails sets the box silently.
    connect(m_allMeasured, &QCheckBox::clicked, this, [this](bool checked) {
        const int row = currentRow();
        if (row >= 0)
            m_controller->setMetricAllMeasured(row, checked);
    });
    auto* flipButton = new QPushButton(tr("Reverse polarity of the selected source"), this);
    flipButton->setToolTip(m_flip->toolTip());
    connect(flipButton, &QPushButton::clicked, m_flip, &QAction::trigger);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(
        tr("Select a source to see what it is, its run, its no-signal values and its unmatched names"));
    layout->addWidget(m_view, 1);
    layout->addWidget(flipButton);
    layout->addWidget(m_allMeasured);
    layout->addWidget(m_details, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &SourcesPanel::updateDetails);
    // A polarity change resets the model: keep the selected source selected.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_rowBeforeReset = m_view->currentIndex().row(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(
                m_model->index(std::clamp(m_rowBeforeReset, 0, m_model->rowCount() - 1), 0));
        updateDetails();
    });
}

int SourcesPanel::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.row() : (m_model->rowCount() == 1 ? 0 : -1);
}

void SourcesPanel::updateDetails()
{
    const int row = currentRow();
    m_details->setPlainText(row >= 0
            ? m_model->sourceReport(row) + QStringLiteral("\n\n") + m_model->matchReport(row)
            : QString());
    const auto& metrics = m_controller->project().metrics();
    m_allMeasured->setEnabled(row >= 0);
    m_allMeasured->setChecked(row >= 0 && size_t(row) < metrics.size() && metrics[size_t(row)].allMeasured);
}

} // namespace qc::gui
