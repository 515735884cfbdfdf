#include "ProfileInput.h"

#include "FuzzSupport.h"
#include "KnownDefects.h"

#include <yaml-cpp/exceptions.h>

namespace qc::fuzz {

std::optional<ProfileDocument::Loaded> loadProfile(const char* target, const QByteArray& yaml)
{
    if (known::mayOverflowInt64(yaml))
        return std::nullopt;
    std::optional<ProfileDocument::Loaded> loaded;
    expectClean(target, [&] {
        try {
            loaded = ProfileDocument::parse(yaml, QStringLiteral("fuzz.profiles.yaml"));
        } catch (const YAML::Exception&) {
            if (!known::kToleratesYamlExceptions)
                throw;
        }
    });
    return loaded;
}

bool savable(const Project& project)
{
    return int(project.metrics().size()) <= known::kMaxMetricsToSave;
}

} // namespace qc::fuzz
