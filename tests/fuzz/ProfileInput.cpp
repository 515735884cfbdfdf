#include "ProfileInput.h"

#include "FuzzSupport.h"

namespace qc::fuzz {

std::optional<ProfileDocument::Loaded> loadProfile(const char* target, const QByteArray& yaml)
{
    std::optional<ProfileDocument::Loaded> loaded;
    expectClean(target, [&] { loaded = ProfileDocument::parse(yaml, QStringLiteral("fuzz.profiles.yaml")); });
    return loaded;
}

} // namespace qc::fuzz
