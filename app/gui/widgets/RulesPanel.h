#pragma once

#include <QWidget>

class QTableView;

namespace qc::gui {

class RulesModel;

// The rule list with add, remove, move up/down and the "language model only" preset. Later rules win, so
// moving a rule changes what it overrides.
class RulesPanel : public QWidget
{
    Q_OBJECT
public:
    RulesPanel(RulesModel* model, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QAction* presetAction() const { return m_preset; }

private:
    int currentRow() const;

    RulesModel* m_model;
    QTableView* m_view;
    QAction* m_preset;
};

} // namespace qc::gui
