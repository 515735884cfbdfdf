#include "RulesPanel.h"

#include "models/RulesModel.h"

#include <QAction>
#include <QHeaderView>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace qc::gui {

RulesPanel::RulesPanel(RulesModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RulesModel::EnabledColumn, 34);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);

    auto add = [&](const QString& text, const QString& tip, auto slot) {
        QAction* action = bar->addAction(text);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(tr("Add"), tr("Add a (disabled) rule at the end"), [this] { m_model->addRule(); });
    add(tr("Remove"), tr("Remove the selected rule"), [this] { m_model->removeRule(currentRow()); });
    add(tr("Up"), tr("Move the selected rule up (earlier rules lose to later ones)"), [this] {
        const int row = currentRow();
        m_model->moveRule(row, -1);
        m_view->selectRow(row - 1);
    });
    add(tr("Down"), tr("Move the selected rule down"), [this] {
        const int row = currentRow();
        m_model->moveRule(row, +1);
        m_view->selectRow(row + 1);
    });
    m_preset
        = add(tr("Language model only"), tr("Keep the whole vision tower and merger in higher precision"),
            [this] { m_model->applyLanguageModelOnlyPreset(); });
}

int RulesPanel::currentRow() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.row() : -1;
}

} // namespace qc::gui
