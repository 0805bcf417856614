#include "core/SpokenName.hpp"

namespace dagverk {

// The roster's "uttal" when it has one (a name speech would say wrong as spelled), else the
// first name as written.
std::string spokenName(const Participant& p) {
  return p.spokenName && !p.spokenName->empty() ? *p.spokenName : p.firstName;
}

} // namespace dagverk
