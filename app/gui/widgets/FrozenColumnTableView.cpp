#include "FrozenColumnTableView.h"

#include <QHeaderView>
#include <QScrollBar>

namespace qc::gui {

FrozenColumnTableView::FrozenColumnTableView(QWidget* parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    m_frozen->setFocusPolicy(Qt::NoFocus); // keys go to the main view, which owns the current index
    m_frozen->verticalHeader()->hide();
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(ScrollPerPixel);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border-right: 1px solid palette(mid); }"));
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);
    viewport()->stackUnder(m_frozen);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == 0) {
            m_frozen->setColumnWidth(0, size);
            updateFrozenGeometry();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
        [this](int section, int, int size) { m_frozen->setRowHeight(section, size); });
    // A click on a frozen name is a click on the table: the keys (K, I, Delete) must then act here.
    connect(m_frozen, &QAbstractItemView::pressed, this, [this] { setFocus(Qt::MouseFocusReason); });
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (contextMenuPolicy() == Qt::CustomContextMenu)
            emit customContextMenuRequested(
                viewport()->mapFromGlobal(m_frozen->viewport()->mapToGlobal(pos)));
    });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
        &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
        &QAbstractSlider::setValue);
}

void FrozenColumnTableView::setModel(QAbstractItemModel* model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel()); // one selection, one current row
    // New columns (another metric or profile) must be hidden in the frozen view too.
    connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnTableView::syncColumns);
    connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnTableView::syncColumns);
    syncColumns();
}

void FrozenColumnTableView::syncColumns()
{
    // Row heights follow the main view's fixed default; the header sorts from either view.
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setWordWrap(wordWrap());
    if (m_frozen->isSortingEnabled() != isSortingEnabled()) {
        // Enabling sorting sorts the shared model by the header's indicator: the main view's, not the frozen
        // header's default (Op, descending). Re-enabling on every reset re-sorted 100k rows per load.
        m_frozen->horizontalHeader()->setSortIndicator(
            horizontalHeader()->sortIndicatorSection(), horizontalHeader()->sortIndicatorOrder());
        m_frozen->setSortingEnabled(isSortingEnabled());
    }
    m_frozen->horizontalHeader()->setSectionsClickable(horizontalHeader()->sectionsClickable());
    const int columns = model() ? model()->columnCount() : 0;
    for (int c = 1; c < columns; ++c)
        m_frozen->setColumnHidden(c, true);
    m_frozen->setColumnWidth(0, columnWidth(0));
    updateFrozenGeometry();
}

void FrozenColumnTableView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void FrozenColumnTableView::updateFrozenGeometry()
{
    m_frozen->setGeometry(verticalHeader()->width() + frameWidth(), frameWidth(), columnWidth(0),
        viewport()->height() + horizontalHeader()->height());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
}

QModelIndex FrozenColumnTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Moving left into the frozen column: scroll so the next column is not hidden under it.
    const QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    if (cursorAction == MoveLeft && current.column() > 0
        && visualRect(current).topLeft().x() < m_frozen->columnWidth(0)) {
        const int newValue
            = horizontalScrollBar()->value() + visualRect(current).topLeft().x() - m_frozen->columnWidth(0);
        horizontalScrollBar()->setValue(newValue);
    }
    return current;
}

void FrozenColumnTableView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    // Column 0 is always visible: scroll vertically only, keep the sideways position.
    if (index.column() > 0) {
        QTableView::scrollTo(index, hint);
        return;
    }
    const int x = horizontalScrollBar()->value();
    QTableView::scrollTo(index, hint);
    horizontalScrollBar()->setValue(x);
}

} // namespace qc::gui
