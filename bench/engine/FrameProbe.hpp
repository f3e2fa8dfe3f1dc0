#pragma once

#include <chrono>
#include <optional>
#include <vector>

namespace bench
{

/// Follows messages from their arrival to the end of the frame that shows them, and times the frames.
/// Main thread only: arrivals are handed over by the queued call, not by the network thread.
class FrameProbe
{
public:
    using Clock = std::chrono::steady_clock;

    /// Nothing before this moment is recorded (the first frames set up the window and its buffers).
    explicit FrameProbe(Clock::time_point warmUpEnd) : m_warmUpEnd(warmUpEnd) {}

    /// A message that the network thread handed to the queue at `handedOver` has reached the scene.
    void arrived(Clock::time_point handedOver) { m_waiting.push_back(handedOver); }
    /// The scene is drawing everything that arrived so far.
    void drawing();
    /// The frame just drawn is on the screen.
    void frameShown();

    /// Milliseconds from hand-over to the end of the frame showing it, one per message.
    const std::vector<double>& latenciesMs() const { return m_latenciesMs; }
    /// Milliseconds from the start of a frame's drawing to its end on the screen (the render and the
    /// buffer swap), one per frame that showed a message.
    const std::vector<double>& renderTimesMs() const { return m_renderTimesMs; }
    /// Milliseconds between the ends of consecutive frames.
    const std::vector<double>& frameTimesMs() const { return m_frameTimesMs; }
    /// How many messages the frames showed after the warm-up.
    std::size_t shown() const { return m_latenciesMs.size(); }

private:
    Clock::time_point m_warmUpEnd;
    std::vector<Clock::time_point> m_waiting;
    std::vector<Clock::time_point> m_drawn;
    Clock::time_point m_drawStart;
    std::optional<Clock::time_point> m_lastFrame;
    std::vector<double> m_latenciesMs;
    std::vector<double> m_frameTimesMs;
    std::vector<double> m_renderTimesMs;
};

} // namespace bench
