#pragma once

#include <QTableView>

namespace qc::gui {

// A table whose first column stays in place when the others scroll sideways (Qt's frozen-column example):
// a second view, showing only that column, lies over the left edge and shares the model, the selection and
// the vertical scrolling. Scrolled to the per-profile columns, the op name stays readable.
class FrozenColumnTableView : public QTableView
{
    Q_OBJECT
public:
    explicit FrozenColumnTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    QTableView* frozenView() const { return m_frozen; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

private:
    void updateFrozenGeometry();
    void syncColumns();

    QTableView* m_frozen;
};

} // namespace qc::gui
