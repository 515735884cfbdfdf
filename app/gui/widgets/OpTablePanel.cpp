#include "OpTablePanel.h"

#include "ProjectController.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

OpTablePanel::OpTablePanel(ProjectController* controller, OpTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(model)
    , m_proxy(new OpFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    m_proxy->setOpModel(model);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter ops by name (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_regex = new QCheckBox(tr("Regex"), this);
    m_regex->setToolTip(tr("Treat the filter as a regular expression"));
    m_component = new QComboBox(this);
    m_component->setToolTip(tr("Show ops of one component"));
    m_type = new QComboBox(this);
    m_type->setToolTip(tr("Show ops of one op type"));
    m_status = new QComboBox(this);
    m_status->setToolTip(tr("Show ops by status"));
    m_status->addItem(tr("Any status"), int(OpFilterProxyModel::Status::Any));
    m_status->addItem(tr("INT8 in largest profile"), int(OpFilterProxyModel::Status::Int8InAny));
    m_status->addItem(tr("Kept by rule"), int(OpFilterProxyModel::Status::KeptByRule));
    m_status->addItem(tr("Kept by hand"), int(OpFilterProxyModel::Status::KeptByOverride));
    m_status->addItem(tr("Forced INT8"), int(OpFilterProxyModel::Status::ForcedInt8));
    m_status->addItem(tr("Unranked"), int(OpFilterProxyModel::Status::Unranked));
    m_status->addItem(tr("Violations"), int(OpFilterProxyModel::Status::Violations));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_component);
    bar->addWidget(m_type);
    bar->addWidget(m_status);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // model order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights and no resize-to-contents: a 100k-row table must not measure every row.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setDefaultSectionSize(90);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto filterChanged = [this] { m_proxy->setFilterTextDebounced(m_filter->text(), m_regex->isChecked()); };
    connect(m_filter, &QLineEdit::textChanged, this, filterChanged);
    connect(m_filter, &QLineEdit::returnPressed, this,
        [this] { m_proxy->setFilterText(m_filter->text(), m_regex->isChecked()); });
    connect(m_regex, &QCheckBox::toggled, this,
        [this] { m_proxy->setFilterText(m_filter->text(), m_regex->isChecked()); });
    connect(m_component, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setComponentFilter(m_component->currentData().toString()); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setTypeFilter(m_type->currentData().toString()); });
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setStatusFilter(OpFilterProxyModel::Status(m_status->currentData().toInt())); });

    struct ActionSpec
    {
        QString text;
        QKeySequence key;
        int action;
        QString tip;
    };
    const ActionSpec specs[] = {
        { tr("&Keep in higher precision…"), QKeySequence(Qt::Key_K), KeepEdit,
            tr("Keep the selected op out of INT8 in every profile, with a note") },
        { tr("Force &INT8…"), QKeySequence(Qt::Key_I), Int8Edit,
            tr("Quantize the selected op in every profile, even against a rule (a violation)") },
        { tr("&Clear hand edit"), QKeySequence(Qt::Key_Delete), ClearEdit,
            tr("Remove the hand edit of the selected op") },
    };
    for (const ActionSpec& spec : specs) {
        auto* action = new QAction(spec.text, this);
        action->setShortcut(spec.key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(spec.tip);
        const int code = spec.action;
        connect(action, &QAction::triggered, this, [this, code] {
            const int op = currentOp();
            if (op >= 0)
                emit editRequested(op, code);
        });
        m_view->addAction(action);
        m_editActions.append(action);
    }
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        menu.addActions(m_editActions);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_selecting)
            m_controller->setSelectedOp(currentOp());
    });
    connect(controller, &ProjectController::selectedOpChanged, this, &OpTablePanel::selectOp);
    connect(controller, &ProjectController::projectReset, this, &OpTablePanel::refreshFilterChoices);
    auto refreshStatusFilter = [this] {
        if (m_status->currentIndex() > 0)
            m_proxy->invalidate(); // states changed; the drag path skips this (see OpFilterProxyModel)
    };
    connect(controller, &ProjectController::rankingChanged, this, refreshStatusFilter);
    refreshFilterChoices();
}

void OpTablePanel::refreshFilterChoices()
{
    const Inventory& inventory = m_controller->project().inventory();
    QStringList components;
    QSet<QString> types;
    for (const Op& op : inventory.ops()) {
        if (!components.contains(op.component))
            components.append(op.component);
        types.insert(op.opType);
    }
    QStringList typeList(types.begin(), types.end());
    typeList.sort();
    auto fill = [](QComboBox* box, const QString& any, const QStringList& items) {
        const QString current = box->currentData().toString();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(any, QString());
        for (const QString& item : items)
            box->addItem(item.isEmpty() ? QObject::tr("(none)") : item, item);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_component, tr("Any component"), components);
    fill(m_type, tr("Any type"), typeList);
    m_proxy->setComponentFilter(m_component->currentData().toString());
    m_proxy->setTypeFilter(m_type->currentData().toString());
    for (int c = 0; c < OpTableModel::FixedColumnCount; ++c)
        m_view->setColumnWidth(c, c == OpTableModel::NameColumn ? 330 : 75);
}

int OpTablePanel::currentOp() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(OpTableModel::OpIndexRole).toInt() : -1;
}

void OpTablePanel::selectOp(int op)
{
    if (op == currentOp())
        return;
    m_selecting = true;
    if (op < 0 || op >= m_model->rowCount()) {
        m_view->clearSelection();
    } else {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(op, OpTableModel::NameColumn));
        if (index.isValid()) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
    }
    m_selecting = false;
}

} // namespace qc::gui
