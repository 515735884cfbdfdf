#pragma once

#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace qc::gui {

class OpTableModel;

// Sorts the op table and filters it by name (text or regex, typed text applied after a 300 ms pause so a
// 100k-row table does not refilter on every key), component, op type and status.
class OpFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Status {
        Any,
        Int8InAny,
        KeptByRule,
        KeptByOverride,
        ForcedInt8,
        Unranked, // no source mentions it
        Unmeasured, // sources mention it, none measured it (no signal, not a candidate): kept "unmeasured"
        Violations,
        AddedInProfile, // INT8 in the status profile but not in the one before it
    };
    static constexpr int kDebounceMs = 300;

    explicit OpFilterProxyModel(QObject* parent = nullptr);

    void setOpModel(OpTableModel* model);
    // Applies at once (Enter, tests); setFilterTextDebounced waits for the typing to stop.
    void setFilterText(const QString& text, bool regex);
    void setFilterTextDebounced(const QString& text, bool regex);
    bool isFilterPending() const { return m_debounce.isActive(); }
    bool filterIsValid() const { return m_nameFilter.isValid(); }
    void setComponentFilter(const QString& component); // empty = any
    void setTypeFilter(const QString& opType); // empty = any
    // profile: for AddedInProfile, the profile (>= 1) whose additions to the previous one are shown.
    void setStatusFilter(Status status, int profile = 0);
    void clearFilters(); // every filter off, one refilter

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    // Forwards the table's dataChanged. A re-cut announces whole profile columns (a drag step at 1M ops
    // moves thousands of ops), which QSortFilterProxyModel maps row by row: 16 ms per step. Without dynamic
    // sorting and filtering, a whole column is the whole proxy column, whatever the order and filter.
    void forwardDataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    OpTableModel* m_opModel = nullptr;
    QTimer m_debounce;
    QString m_pendingText;
    bool m_pendingRegex = false;
    QRegularExpression m_nameFilter;
    QString m_component;
    QString m_type;
    Status m_status = Status::Any;
    int m_statusProfile = 0;
};

} // namespace qc::gui
