#include "core/Csv.hpp"
#include "core/Error.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace dagverk;
using namespace std::string_literals;

namespace {
// Parses `text` expecting a BadInput error; returns the error for further checks.
DagverkError parseError(std::string_view text, const std::string& file = "roster.csv") {
  try {
    parseCsv(text, file);
  } catch (const DagverkError& e) {
    return e;
  }
  FAIL("parseCsv did not throw");
  throw; // not reached
}

// The error names the file, line and column in both languages.
void requirePlace(const DagverkError& e, const std::string& where) {
  INFO("swedish: " << e.swedish() << "\nenglish: " << e.english());
  CHECK(e.code() == ErrorCode::BadInput);
  CHECK(e.swedish().find(where) != std::string::npos);
  CHECK(std::string(e.english()).find(where) != std::string::npos);
}

void requireSomePlace(const DagverkError& e, const std::string& file, int line) {
  INFO("swedish: " << e.swedish() << "\nenglish: " << e.english());
  CHECK(e.code() == ErrorCode::BadInput);
  const std::regex place(file + ":" + std::to_string(line) + ":[0-9]+");
  CHECK(std::regex_search(e.swedish(), place));
  CHECK(std::regex_search(std::string(e.english()), place));
}
} // namespace

TEST_CASE("Csv: plain rows, header and row lines") {
  const CsvTable t = parseCsv("a,b,c\n1,2,3\n4,5,6\n", "f.csv");
  CHECK(t.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1] == std::vector<std::string>{"4", "5", "6"});
  CHECK(t.rowLines == std::vector<int>{2, 3});
  CHECK(t.column("c", "f.csv") == 2);
}

TEST_CASE("Csv: quoted fields with commas and doubled quotes") {
  const CsvTable t = parseCsv("name,note\n\"Berg, Åsa\",\"hon sa \"\"hej\"\"\"\n\"\",\"\"\"\"\n", "f.csv");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0] == "Berg, Åsa");
  CHECK(t.rows[0][1] == "hon sa \"hej\"");
  CHECK(t.rows[1][0] == "");
  CHECK(t.rows[1][1] == "\"");
}

TEST_CASE("Csv: CRLF rows, and CRLF inside a quoted field is kept") {
  const CsvTable t = parseCsv("a,b\r\n1,2\r\n\"rad ett\r\nrad två\",x\r\n5,6\r\n", "f.csv");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.header == std::vector<std::string>{"a", "b"}); // no stray \r
  CHECK(t.rows[0] == std::vector<std::string>{"1", "2"});
  CHECK(t.rows[1][0] == "rad ett\r\nrad två");
  CHECK(t.rows[1][1] == "x");
  CHECK(t.rows[2] == std::vector<std::string>{"5", "6"});
  // The multi-line field advances the line count: row 3 starts on line 3, row 4 on line 5.
  CHECK(t.rowLines == std::vector<int>{2, 3, 5});
}

TEST_CASE("Csv: CR-only line ends (old Mac exports) end rows, with lines counted") {
  const CsvTable t = parseCsv("a,b\r1,2\r\r3,4\r", "f.csv");
  CHECK(t.header == std::vector<std::string>{"a", "b"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0] == std::vector<std::string>{"1", "2"});
  CHECK(t.rows[1] == std::vector<std::string>{"3", "4"});
  CHECK(t.rowLines == std::vector<int>{2, 4});
  // Mixed ends, and a CR inside quotes stays part of the value.
  const CsvTable m = parseCsv("a,b\n1,\"x\ry\"\r2,3\r\n4,5", "f.csv");
  REQUIRE(m.rows.size() == 3);
  CHECK(m.rows[0][1] == "x\ry");
  CHECK(m.rows[2] == std::vector<std::string>{"4", "5"});
  // An error after CR-only lines names the right line.
  requireSomePlace(parseError("a,b\r1,2\r3\r", "f.csv"), "f.csv", 3);
}

TEST_CASE("Csv: BOM, no final newline, blank lines, empty fields") {
  const CsvTable t = parseCsv("\xEF\xBB\xBFid,x\n\n1,\n,2\n\n3,\"\"", "f.csv");
  REQUIRE(t.header.size() == 2);
  CHECK(t.header[0] == "id"); // the BOM is not part of the first name
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == std::vector<std::string>{"1", ""});
  CHECK(t.rows[1] == std::vector<std::string>{"", "2"});
  CHECK(t.rows[2] == std::vector<std::string>{"3", ""});
  CHECK(t.rowLines == std::vector<int>{3, 4, 6});
}

TEST_CASE("Csv: stray quote in an unquoted field names file:line:col") {
  requirePlace(parseError("a,b\n1,x\"y\n"), "roster.csv:2:4");
  requirePlace(parseError("a,b\n1,2\n\"x\"y,2\n"), "roster.csv:3:4"); // text after a closing quote
  requirePlace(parseError("a,b\n\"x\"\"\"\"\"y,2\n"), "roster.csv:2:");
}

TEST_CASE("Csv: unterminated quote names where the quote opened") {
  // Reported where the quote opened, not at the end of the file it swallowed.
  requirePlace(parseError("a,b\n1,\"abc\n2,3\n4,5\n", "people.csv"), "people.csv:2:3");
  requirePlace(parseError("a,b\n1,\"abc"), "roster.csv:2:3");
  requirePlace(parseError("a,\"b\n1,2\n"), "roster.csv:1:3");
}

TEST_CASE("Csv: NUL byte names file:line:col") {
  requirePlace(parseError("a,b\n1,x\0y\n"s), "roster.csv:2:4");
  requirePlace(parseError("a,b\n1,\"x\0\"\n"s), "roster.csv:2:5"); // inside quotes too
  requirePlace(parseError("\0"s), "roster.csv:1:1");
}

TEST_CASE("Csv: invalid UTF-8 names file and line") {
  requireSomePlace(parseError("a,b\n1,x\xFFy\n"), "roster.csv", 2);
  requireSomePlace(parseError("a,b\n1,2\n\xC3,3\n"), "roster.csv", 3); // truncated sequence
  requireSomePlace(parseError("a,b\n1,\"\xED\xA0\x80\"\n"), "roster.csv", 2); // surrogate
  requireSomePlace(parseError("a,\xC0\xAF\n1,2\n"), "roster.csv", 1);         // overlong, in the header
}

TEST_CASE("Csv: wrong column count names the row's line") {
  requirePlace(parseError("a,b\n1,2\n3\n"), "roster.csv:3:1");
  requirePlace(parseError("a,b\n1,2,3\n"), "roster.csv:2:1");
  // A row with a quoted newline is reported at the line it starts on.
  requirePlace(parseError("a,b\n1,2\n\"x\ny\",2,3\n"), "roster.csv:3:1");
  const DagverkError e = parseError("a,b\n1,2,3\n");
  CHECK(std::string(e.english()).find("expected 2 columns, found 3") != std::string::npos);
}

TEST_CASE("Csv: empty input and a missing column are errors") {
  requirePlace(parseError(""), "roster.csv:1:1");
  requirePlace(parseError("\xEF\xBB\xBF"), "roster.csv:1:1");
  requirePlace(parseError("\n\n"), "roster.csv:1:1");
  const CsvTable t = parseCsv("a,b\n", "x.csv");
  CHECK(t.rows.empty());
  try {
    (void)t.column("c", "x.csv");
    FAIL("no error for a missing column");
  } catch (const DagverkError& e) {
    CHECK(e.code() == ErrorCode::BadInput);
    CHECK(e.swedish().find("x.csv") != std::string::npos);
    CHECK(e.swedish().find("\"c\"") != std::string::npos);
  }
}

TEST_CASE("Csv: a 1 MB line parses or fails cleanly") {
  const std::string big(1 << 20, 'x');
  SECTION("unquoted") {
    const CsvTable t = parseCsv("a,b\n" + big + ",y\n", "big.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][0].size() == big.size());
    CHECK(t.rows[0][1] == "y");
  }
  SECTION("quoted, with commas and newlines inside") {
    std::string field = big;
    for (size_t i = 0; i < field.size(); i += 1000) field[i] = (i % 2000 == 0) ? ',' : '\n';
    const CsvTable t = parseCsv("a,b\n\"" + field + "\",y\n", "big.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][0] == field);
  }
  SECTION("unterminated") {
    requirePlace(parseError("a,b\n\"" + big, "big.csv"), "big.csv:2:1");
  }
  SECTION("one bad byte at the end") {
    requireSomePlace(parseError("a,b\n1," + big + "\xFF\n", "big.csv"), "big.csv", 2);
  }
  SECTION("a million columns") {
    std::string row;
    for (int i = 0; i < 1 << 19; ++i) row += "1,";
    requirePlace(parseError("a,b\n" + row + "\n", "big.csv"), "big.csv:2:1");
  }
}
