#include "SourcesPanel.h"

#include "ProjectController.h"
#include "models/SourcesModel.h"

#include <QAction>
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
    auto* flipButton = new QPushButton(tr("Reverse polarity of the selected source"), this);
    flipButton->setToolTip(m_flip->toolTip());
    connect(flipButton, &QPushButton::clicked, m_flip, &QAction::trigger);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(tr("Select a source to see its unmatched and ambiguous names"));
    layout->addWidget(m_view, 1);
    layout->addWidget(flipButton);
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
    m_details->setPlainText(row >= 0 ? m_model->matchReport(row) : QString());
}

} // namespace qc::gui
