#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace qc::gui {

// Typed access to the explorer's QSettings (organization "QuantCut", application "QuantCut"): one place
// names every key and its default (Tiled's Preference pattern).
template<typename T> class Setting
{
public:
    Setting(const char* key, T defaultValue = T())
        : m_key(QLatin1String(key))
        , m_default(std::move(defaultValue))
    { }
    T get() const { return QSettings().value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void set(const T& value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    bool exists() const { return QSettings().contains(m_key); }

private:
    QString m_key;
    T m_default;
};

namespace AppSettings {
inline const Setting<QByteArray> windowGeometry { "window/geometry" };
inline const Setting<QByteArray> windowState { "window/state" };
inline const Setting<QStringList> recentFiles { "files/recent" };
inline const Setting<QString> lastDirectory { "files/lastDirectory" };
inline const Setting<bool> exampleShown { "firstStart/exampleShown", false };
inline const Setting<int> layerChartMode { "charts/layerMode", 0 };
constexpr int kMaxRecentFiles = 10;
// Puts path first in the recent files list.
void addRecentFile(const QString& path);
} // namespace AppSettings

} // namespace qc::gui
