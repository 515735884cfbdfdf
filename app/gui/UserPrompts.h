#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QWidget;

namespace qc::gui {

// Every question and message the main window puts to the user goes through here, so tests can answer
// without a modal dialog blocking the event loop.
class UserPrompts
{
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~UserPrompts() = default;
    virtual void showError(QWidget* parent, const QString& title, const QString& text);
    // Whether to go on with an action (save, export) although the profiles have errors; errors is a
    // short list of them.
    virtual bool askProceedDespiteErrors(QWidget* parent, const QString& action, const QString& errors);
    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& document);
    // A file to write; empty when the user cancels.
    virtual QString askSavePath(
        QWidget* parent, const QString& title, const QString& suggestedPath, const QString& filter);
    // A file to read; empty when the user cancels.
    virtual QString askOpenPath(QWidget* parent, const QString& title, const QString& filter);
    // The pixel size and resolution of an exported image (preset on entry); false when the user cancels.
    virtual bool askImageSize(QWidget* parent, QSize& size, int& dpi);
    // One of items (index preselected); false when the user cancels.
    virtual bool askChoice(
        QWidget* parent, const QString& title, const QString& label, const QStringList& items, int& index);
};

} // namespace qc::gui
