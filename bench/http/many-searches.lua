-- wrk script: every request a search drawn at random from words of the seed's titles × the municipality codes passed as
-- arguments × three pages × two orders (about 10,000 different searches with 54 codes), so that the server's cache of
-- recent results, which holds 2,000, answers only a few of them: this measures the search itself.
--   wrk … -s bench/http/many-searches.lua http://host:port -- 121002 121011 …
local words = {
  "高齢者", "傾聴", "スマホ", "防災", "朝市", "空き家", "観光", "竹林", "田植え", "祭り", "サッカー", "清掃", "ごみ拾い",
  "緑", "備蓄", "避難所", "見守り", "防犯", "映画", "日本語", "多文化", "セミナー", "学習支援", "こども食堂",
  "ホームページ", "科学", "起業", "就労", "消費者", "相談", "研修", "報告会",
}
local sorts = { "relevance", "date" }
local codes = {}

local function encode(text)
  return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for _, code in ipairs(args) do codes[#codes + 1] = code end
  if #codes == 0 then codes[1] = "" end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local path = "/search?q=" .. encode(words[math.random(#words)])
    .. "&municipality=" .. codes[math.random(#codes)]
    .. "&sort=" .. sorts[math.random(#sorts)]
    .. "&page=" .. math.random(3)
  return wrk.format("GET", path)
end
