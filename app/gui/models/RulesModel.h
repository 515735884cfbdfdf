#pragma once

#include "rules/RuleSet.h"

#include <QAbstractTableModel>

namespace qc::gui {

class ProjectController;

// The ordered rule list, editable in place. Every edit (cell, add, remove, move, preset) becomes one undoable
// rule-set change in the controller; an edit that would not compile (a broken regex) is refused with
// editRejected and changes nothing.
class RulesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EnabledColumn,
        NameColumn,
        ActionColumn,
        PatternColumn,
        SyntaxColumn,
        TypesColumn,
        ExcludedTypesColumn,
        ComponentsColumn,
        LayersColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit RulesModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    void addRule(); // a disabled "new-rule" at the end, to be filled in
    void removeRule(int row);
    void moveRule(int row, int delta); // later rules win: order matters
    void applyLanguageModelOnlyPreset();

signals:
    void editRejected(const QString& message);

private:
    bool commit(const RuleSet& rules, const QString& text);

    ProjectController* m_controller;
    RuleSet m_rules; // what the view shows; replaced on every controller change
};

} // namespace qc::gui
