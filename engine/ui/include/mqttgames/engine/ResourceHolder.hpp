#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace engine
{

/// Resources (fonts, textures) loaded once and looked up by id. Throws std::runtime_error naming
/// the file when one cannot be loaded, and naming the id when one was never loaded.
template <typename Resource, typename Id>
class ResourceHolder
{
public:
    void load(Id id, const std::filesystem::path& file)
    {
        auto resource = std::make_unique<Resource>();
        if (!resource->loadFromFile(file.string()))
            throw std::runtime_error("cannot load " + file.string());
        m_resources[id] = std::move(resource);
    }

    const Resource& get(Id id) const
    {
        const auto found = m_resources.find(id);
        if (found == m_resources.end())
            throw std::runtime_error("resource " + std::to_string(static_cast<int>(id)) + " was never loaded");
        return *found->second;
    }

    bool contains(Id id) const { return m_resources.count(id) != 0; }

private:
    std::map<Id, std::unique_ptr<Resource>> m_resources;
};

} // namespace engine
