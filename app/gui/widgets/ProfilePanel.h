#pragma once

#include <QWidget>
#include <vector>

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSlider;

namespace qc::gui {

class ProjectController;

// One row per profile: name and label (editable), a slider and a numeric box for its cut, and what it
// quantizes. A slider drag is one undo step, like a handle drag on the ranked curve.
class ProfilePanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSliderSteps = 1000;

    explicit ProfilePanel(ProjectController* controller, QWidget* parent = nullptr);

    QSlider* slider(int profile) const { return m_rows.at(size_t(profile)).slider; }
    QDoubleSpinBox* spinBox(int profile) const { return m_rows.at(size_t(profile)).spin; }

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
    void renameProfile(int profile, bool label, const QString& text);

    ProjectController* m_controller;
    QGridLayout* m_grid;
    std::vector<Row> m_rows;
    int m_sliderDragId = 0;
};

} // namespace qc::gui
