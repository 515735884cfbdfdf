#include "UserPrompts.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace qc::gui {

void UserPrompts::showError(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

bool UserPrompts::askProceedDespiteErrors(QWidget* parent, const QString& action, const QString& errors)
{
    QMessageBox box(QMessageBox::Warning, QObject::tr("%1 with errors?").arg(action),
        QObject::tr("The profiles have error-level violations; `quantcut-cli check` will fail on the "
                    "result.\n\n%1")
            .arg(errors),
        QMessageBox::Cancel, parent);
    QPushButton* proceed = box.addButton(QObject::tr("%1 anyway").arg(action), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == proceed;
}

UserPrompts::SaveChoice UserPrompts::askSaveChanges(QWidget* parent, const QString& document)
{
    const auto answer = QMessageBox::question(parent, QObject::tr("Unsaved changes"),
        QObject::tr("%1 has unsaved changes. Save them?").arg(document),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save   ? SaveChoice::Save
        : answer == QMessageBox::Discard ? SaveChoice::Discard
                                         : SaveChoice::Cancel;
}

QString UserPrompts::askSavePath(
    QWidget* parent, const QString& title, const QString& suggestedPath, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

QString UserPrompts::askOpenPath(QWidget* parent, const QString& title, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

bool UserPrompts::askImageSize(QWidget* parent, QSize& size, int& dpi)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Export Charts"));
    auto* form = new QFormLayout(&dialog);
    auto spin = [&](int value, int max, const QString& suffix) {
        auto* box = new QSpinBox(&dialog);
        box->setRange(16, max);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    QSpinBox* width = spin(size.width(), 20000, QObject::tr(" px"));
    QSpinBox* height = spin(size.height(), 20000, QObject::tr(" px"));
    QSpinBox* resolution = spin(dpi, 1200, QObject::tr(" dpi"));
    resolution->setMinimum(48);
    form->addRow(QObject::tr("Width:"), width);
    form->addRow(QObject::tr("Height:"), height);
    form->addRow(QObject::tr("Resolution:"), resolution);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    size = QSize(width->value(), height->value());
    dpi = resolution->value();
    return true;
}

bool UserPrompts::askChoice(
    QWidget* parent, const QString& title, const QString& label, const QStringList& items, int& index)
{
    bool ok = false;
    const QString choice = QInputDialog::getItem(parent, title, label, items, index, false, &ok);
    if (ok)
        index = int(items.indexOf(choice));
    return ok && index >= 0;
}

} // namespace qc::gui
