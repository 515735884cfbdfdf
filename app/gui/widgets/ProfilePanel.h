#pragma once

#include <QWidget>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSlider;

namespace qc::gui {

class ProjectController;

// On top, what the cuts measure (ops, params, count, score) and how the metrics combine (mean rank, max
// rank, one metric, weighted with a weight per metric); then one row per profile: name and label
// (editable), a slider and a numeric box for its cut, and what it quantizes. Every change is one undo step;
// a slider drag is one undo step, like a handle drag on the ranked curve.
class ProfilePanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSliderSteps = 1000;

    explicit ProfilePanel(ProjectController* controller, QWidget* parent = nullptr);

    QSlider* slider(int profile) const { return m_rows.at(size_t(profile)).slider; }
    QDoubleSpinBox* spinBox(int profile) const { return m_rows.at(size_t(profile)).spin; }
    QComboBox* cutByBox() const { return m_cutBy; }
    QComboBox* combineBox() const { return m_combine; }
    QDoubleSpinBox* weightBox(int metric) const { return m_weights.at(size_t(metric)); }

signals:
    void suggestRequested();

private:
    struct Row
    {
        QLineEdit* name;
        QLineEdit* label;
        QSlider* slider;
        QDoubleSpinBox* spin;
        QLabel* stats;
    };
    void rebuildRows();
    void refreshValues();
    // What a row's numbers say: ops of all inventory ops (the handle's percentage is of the eligible ones).
    static QString statsText(qint64 ops, qint64 totalOps);
    void renameProfile(int profile, bool label, const QString& text);
    void rebuildCombine();
    void refreshCombine();
    void applyCombineChoice();

    ProjectController* m_controller;
    QGridLayout* m_grid;
    std::vector<Row> m_rows;
    QComboBox* m_cutBy;
    QComboBox* m_combine;
    QWidget* m_weightRow;
    QHBoxLayout* m_weightLayout;
    std::vector<QDoubleSpinBox*> m_weights;
    int m_sliderDragId = 0;
};

} // namespace qc::gui
