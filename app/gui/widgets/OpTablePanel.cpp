#include "OpTablePanel.h"

#include "EditTexts.h"
#include "FrozenColumnTableView.h"
#include "ProjectController.h"
#include "models/OpFilterProxyModel.h"
#include "models/OpTableModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace qc::gui {

namespace {
constexpr int kProfileRole = Qt::UserRole + 1; // status items: the profile a difference filter is about
} // namespace

OpTablePanel::OpTablePanel(ProjectController* controller, OpTableModel* model, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(model)
    , m_proxy(new OpFilterProxyModel(this))
    , m_view(new FrozenColumnTableView(this))
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
    m_matchCount = new QLabel(this);
    m_matchCount->setToolTip(tr("Ops the filter shows, of all ops"));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_component);
    bar->addWidget(m_type);
    bar->addWidget(m_status);
    bar->addWidget(m_matchCount);
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
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(OpFilterProxyModel::Status(m_status->currentData().toInt()),
            m_status->currentData(kProfileRole).toInt());
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &OpTablePanel::updateMatchCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &OpTablePanel::updateMatchCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &OpTablePanel::updateMatchCount);

    struct ActionSpec
    {
        QString text;
        QKeySequence key;
        int action;
        QString tip;
    };
    const ActionSpec specs[] = {
        { tr("&Keep in higher precision"), QKeySequence(Qt::Key_K), KeepEdit,
            tr("Keep the selected op out of INT8 in every profile (note it in the Hand edit column)") },
        { tr("Force &INT8"), QKeySequence(Qt::Key_I), Int8Edit,
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
        connect(action, &QAction::triggered, this, [this, code] { triggerEdit(code); });
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
        updateForceText();
        if (!m_selecting)
            m_controller->setSelectedOp(currentOp());
    });
    connect(controller, &ProjectController::rankingChanged, this, &OpTablePanel::updateForceText);
    connect(controller, &ProjectController::selectedOpChanged, this, &OpTablePanel::selectOp);
    connect(controller, &ProjectController::projectReset, this, &OpTablePanel::refreshFilterChoices);
    connect(controller, &ProjectController::projectReset, this, &OpTablePanel::refreshStatusChoices);
    auto refreshStatusFilter = [this] {
        if (m_status->currentIndex() > 0)
            m_proxy->invalidate(); // states changed; the drag path skips this (see OpFilterProxyModel)
    };
    connect(controller, &ProjectController::rankingChanged, this, refreshStatusFilter);
    refreshFilterChoices();
    refreshStatusChoices();
    updateMatchCount();
}

void OpTablePanel::refreshStatusChoices()
{
    using Status = OpFilterProxyModel::Status;
    const QString current = m_status->currentText();
    const QSignalBlocker blocker(m_status);
    m_status->clear();
    m_status->addItem(tr("Any status"), int(Status::Any));
    m_status->addItem(tr("INT8 in largest profile"), int(Status::Int8InAny));
    m_status->addItem(tr("Kept by rule"), int(Status::KeptByRule));
    m_status->addItem(tr("Kept by hand"), int(Status::KeptByOverride));
    m_status->addItem(tr("Forced INT8"), int(Status::ForcedInt8));
    m_status->addItem(tr("Unranked"), int(Status::Unranked));
    m_status->addItem(tr("Unmeasured"), int(Status::Unmeasured));
    m_status->setItemData(m_status->count() - 2, tr("No source mentions the op"), Qt::ToolTipRole);
    m_status->setItemData(m_status->count() - 1,
        tr("Sources mention the op, but none measured it (no signal, not a candidate): kept"),
        Qt::ToolTipRole);
    m_status->addItem(tr("Violations"), int(Status::Violations));
    // What a step up the profile ladder adds: the ops to review when moving from one profile to the next.
    const auto& profiles = m_controller->project().cutPlan().profiles;
    for (size_t p = 1; p < profiles.size(); ++p) {
        m_status->addItem(tr("INT8 in %1 but not in %2").arg(profiles[p].name, profiles[p - 1].name),
            int(Status::AddedInProfile));
        m_status->setItemData(m_status->count() - 1, int(p), kProfileRole);
    }
    m_status->setCurrentIndex(std::max(0, m_status->findText(current)));
    m_proxy->setStatusFilter(
        Status(m_status->currentData().toInt()), m_status->currentData(kProfileRole).toInt());
}

void OpTablePanel::updateMatchCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_matchCount->setText(shown == total
            ? tr("%n op(s)", nullptr, total)
            : tr("%1 of %n op(s)", nullptr, total).arg(QLocale().toString(shown)));
}

void OpTablePanel::clearFilters()
{
    const QSignalBlocker blockText(m_filter), blockComponent(m_component), blockType(m_type),
        blockStatus(m_status);
    m_filter->clear();
    m_component->setCurrentIndex(0);
    m_type->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    m_proxy->clearFilters();
}

void OpTablePanel::updateForceText()
{
    // The action says which rule forcing this op breaks, in the menu and its tooltip.
    QAction* force = m_editActions.value(1);
    if (force)
        force->setText(forceActionText(m_controller->project(), currentOp()));
}

void OpTablePanel::triggerEdit(int action)
{
    // Only the op the table highlights, and only when it is the op the charts mark too.
    const int op = currentOp();
    if (op < 0 || !m_view->selectionModel()->isRowSelected(m_view->currentIndex().row(), {})) {
        emit message(tr("Select an op in the table first"));
        return;
    }
    if (op != m_controller->selectedOp()) {
        emit message(tr("The table and the charts show different ops: select the op again"));
        return;
    }
    // At once, no dialog: the note is written afterwards in the table's hand-edit column.
    if (action == ClearEdit) {
        m_controller->setOverride(op, std::nullopt);
        return;
    }
    const bool keep = action == KeepEdit;
    m_controller->setOverride(op, keep ? Override::Action::Keep : Override::Action::Int8);
    emit message(keep ? tr("Kept %1; add a note in the Hand edit column")
                            .arg(m_controller->project().inventory().at(op).name)
                      : forceInt8Text(m_controller->project(), op));
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
        m_view->setColumnWidth(c,
            c == OpTableModel::NameColumn         ? 330
                : c == OpTableModel::ParamsColumn ? 100
                                                  : 75);
    fitMetricColumns();
    fitProfileColumns();
}

void OpTablePanel::fitMetricColumns()
{
    // Source names are long and alike at the start: the headers (elided in the middle) must be readable.
    const QFontMetrics metrics = m_view->horizontalHeader()->fontMetrics();
    const int count = int(m_controller->project().metrics().size());
    for (int m = 0; m < count; ++m) {
        for (const int column : { m_model->metricValueColumn(m), m_model->metricRankColumn(m) }) {
            const QString text = m_model->headerData(column, Qt::Horizontal).toString();
            m_view->setColumnWidth(column, std::clamp(metrics.horizontalAdvance(text) + 28, 70, 240));
        }
    }
    m_view->setColumnWidth(m_model->evidenceColumn(), 110); // "not a candidate"; mixed ones elide
}

void OpTablePanel::fitProfileColumns()
{
    // Wide enough for the status texts ("kept: rule:lm-head"), measured on a sample of rows so a 100k-op
    // table is not walked; a longer reason elides and its tooltip has it in full.
    const int rows = m_model->rowCount();
    const int stride = std::max(1, rows / 2000);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int profiles = m_controller->project().profileCount();
    for (int p = 0; p < profiles; ++p) {
        int width = metrics.horizontalAdvance(
                        m_model->headerData(m_model->profileColumn(p), Qt::Horizontal).toString())
            + 24;
        QSet<QString> seen;
        for (int row = 0; row < rows; row += stride) {
            const QString text = m_model->statusText(row, p);
            if (!seen.contains(text)) {
                seen.insert(text);
                width = std::max(width, metrics.horizontalAdvance(text) + 14);
            }
        }
        m_view->setColumnWidth(m_model->profileColumn(p), std::clamp(width, 60, 240));
    }
    m_view->setColumnWidth(m_model->editColumn(), 220);
}

int OpTablePanel::currentOp() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(OpTableModel::OpIndexRole).toInt() : -1;
}

void OpTablePanel::selectOp(int op)
{
    if (op == currentOp() && (op < 0 || m_view->selectionModel()->hasSelection()))
        return;
    m_selecting = true;
    if (op < 0 || op >= m_model->rowCount()) {
        // Current index too: a key must not act on a row that is no longer highlighted.
        m_view->selectionModel()->clear();
    } else {
        const QModelIndex source = m_model->index(op, OpTableModel::NameColumn);
        QModelIndex index = m_proxy->mapFromSource(source);
        if (!index.isValid()) {
            clearFilters();
            index = m_proxy->mapFromSource(source);
            emit message(tr("Filter cleared to show %1").arg(m_model->data(source).toString()));
        }
        if (index.isValid()) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
    }
    m_selecting = false;
    // Called directly (not from the controller's signal), the charts follow the table.
    if (m_controller->selectedOp() != currentOp())
        m_controller->setSelectedOp(currentOp());
}

} // namespace qc::gui
