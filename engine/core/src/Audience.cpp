#include "Audience.hpp"

namespace engine
{

void Audience::note(const std::string& subtopic, const std::string& payload)
{
    std::size_t before = 0;
    std::size_t after = 0;
    {
        const std::scoped_lock lock(m_mutex);
        before = m_here.size();
        if (payload.empty())
            m_here.erase(subtopic);
        else if (before < MaxCounted)
            m_here.insert(subtopic);
        after = m_here.size();
    }
    if (before != after)
        m_wake();
}

std::size_t Audience::count() const
{
    const std::scoped_lock lock(m_mutex);
    return m_here.size();
}

} // namespace engine
