#include "FrameProbe.hpp"

namespace bench
{
namespace
{

double milliseconds(FrameProbe::Clock::duration duration)
{
    return std::chrono::duration<double, std::milli>(duration).count();
}

} // namespace

void FrameProbe::drawing()
{
    m_drawStart = Clock::now();
    m_drawn.insert(m_drawn.end(), m_waiting.begin(), m_waiting.end());
    m_waiting.clear();
}

void FrameProbe::frameShown()
{
    const Clock::time_point now = Clock::now();
    if (now >= m_warmUpEnd)
    {
        for (const Clock::time_point handedOver : m_drawn)
            if (handedOver >= m_warmUpEnd)
                m_latenciesMs.push_back(milliseconds(now - handedOver));
        if (!m_drawn.empty())
            m_renderTimesMs.push_back(milliseconds(now - m_drawStart));
        if (m_lastFrame && *m_lastFrame >= m_warmUpEnd)
            m_frameTimesMs.push_back(milliseconds(now - *m_lastFrame));
    }
    m_drawn.clear();
    m_lastFrame = now;
}

} // namespace bench
