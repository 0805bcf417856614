#include "core/SpokenName.hpp"

namespace dagverk {

std::string spokenName(const Participant& p) { return p.firstName; }

} // namespace dagverk
