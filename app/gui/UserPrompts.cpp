#include "UserPrompts.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace qc::gui {

void UserPrompts::showError(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::warning(parent, title, text);
}

bool UserPrompts::askNote(QWidget* parent, const QString& title, QString& note)
{
    bool ok = false;
    note = QInputDialog::getText(
        parent, title, QObject::tr("Note (why; stored in the profile file):"), QLineEdit::Normal, note, &ok);
    return ok;
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
