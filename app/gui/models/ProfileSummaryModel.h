#pragma once

#include <QAbstractTableModel>

namespace qc::gui {

class ProjectController;

// One row per profile: how much it quantizes (ops and parameters, counts and fractions), the estimated
// weight memory at INT8 (1 byte per INT8 parameter, 2 per kept one) against all-bf16, and its violations.
// Name and label are editable (undoable through the controller).
class ProfileSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        LabelColumn,
        CutColumn,
        OpsColumn,
        OpsFractionColumn,
        ParamsColumn,
        ParamsFractionColumn,
        MemoryColumn,
        Bf16MemoryColumn,
        ViolationsColumn,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole + 1 }; // the raw number behind a cell

    explicit ProfileSummaryModel(ProjectController* controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Bytes of weights when a profile's INT8 parameters take 1 byte and all others 2 (bf16).
    static qint64 estimatedBytes(qint64 totalParams, qint64 int8Params)
    {
        return int8Params + 2 * (totalParams - int8Params);
    }
    static QString formatBytes(qint64 bytes);
    // "3.17 G" for a parameter count: three significant digits; the exact count is in the tooltip.
    static QString formatCount(qint64 count);

private:
    ProjectController* m_controller;
    int m_rows = 0;
    qint64 m_totalParams = 0;
};

} // namespace qc::gui
