#include <mqttgames/engine/JsonFields.hpp>

#include <limits>
#include <stdexcept>

namespace engine
{

JsonFields::JsonFields(const nlohmann::json& body, std::string_view what, std::string& error)
    : m_body(body), m_what(what), m_error(error)
{
}

const nlohmann::json* JsonFields::find(std::string_view name, std::string_view kind) const
{
    if (!m_body.is_object())
    {
        m_error = "the " + m_what + " is not an object";
        return nullptr;
    }
    const auto field = m_body.find(std::string(name));
    if (field == m_body.end())
    {
        m_error = "the " + m_what + " has no " + std::string(kind) + " \"" + std::string(name) + "\"";
        return nullptr;
    }
    return &*field;
}

std::optional<long long> JsonFields::integer(std::string_view name, long long min, long long max) const
{
    const nlohmann::json* field = find(name, "whole-number");
    if (!field)
        return std::nullopt;
    if (!field->is_number_integer())
    {
        m_error = "the " + m_what + " has no whole-number \"" + std::string(name) + "\"";
        return std::nullopt;
    }
    // A huge unsigned value would wrap when read as signed; it is out of range either way.
    const bool huge = field->is_number_unsigned() &&
                      (max < 0 || field->get<unsigned long long>() > static_cast<unsigned long long>(max));
    const long long value = huge ? 0 : field->get<long long>();
    if (huge || value < min || value > max)
    {
        m_error = std::string(name) + " " + field->dump() + " is outside " + std::to_string(min) + ".." + std::to_string(max);
        return std::nullopt;
    }
    return value;
}

const std::string* JsonFields::text(std::string_view name) const
{
    const nlohmann::json* field = find(name, "text");
    if (!field)
        return nullptr;
    if (!field->is_string())
    {
        m_error = "the " + m_what + " has no text \"" + std::string(name) + "\"";
        return nullptr;
    }
    return &field->get_ref<const std::string&>();
}

bool JsonFields::has(std::string_view name) const
{
    return m_body.is_object() && m_body.contains(std::string(name));
}

int integerField(const nlohmann::json& object, std::string_view name)
{
    std::string error;
    const auto value = JsonFields(object, "move", error).integer(name, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (!value)
        throw std::invalid_argument(error);
    return static_cast<int>(*value);
}

} // namespace engine
