// Fictional names for the demo venue. Any likeness to real firms or people is chance.
export const COMPANIES = [
  ['Torgets Redovisning', 'fixed', 'Bokföring och bokslut för småföretag.', ['ekonomi']],
  ['Ljung & Sten Arkitekter', 'fixed', 'Arkitektur för bostäder och offentliga rum.', ['arkitektur']],
  ['Kvarnbackens Data', 'fixed', 'Systemutveckling och drift för lokala företag.', ['it']],
  ['Ekängen Bygg', 'flex', 'Renovering och nybyggnation i kommunen.', ['bygg']],
  ['Norrviken Juridik', 'flex', 'Affärsjuridik och avtal.', ['juridik']],
  ['Solgläntan Hälsa', 'flex', 'Friskvård för arbetsplatser.', ['hälsa']],
  ['Björkudden Konsult', 'flex', 'Ledarskap och organisationsutveckling.', ['konsult']],
  ['Mossvägens Media', 'flex', 'Film och foto för företag.', ['media']],
  ['Stationens Översättning', 'flex', 'Översättning svenska, engelska, tyska.', ['språk']],
  ['Hagalunds Energi', 'flex', 'Solceller och energirådgivning.', ['energi']],
  ['Fjärdingens Fastigheter', 'flex', 'Förvaltning av lokaler i centrum.', ['fastigheter']],
  ['Åkerlunds Trädgård', 'flex', 'Trädgårdsdesign och skötsel.', ['trädgård']],
  ['Lindåsens Rekrytering', 'flex', 'Rekrytering för regionens arbetsgivare.', ['hr']],
  ['Granbergs Revision', 'flex', 'Revision och rådgivning.', ['ekonomi']],
  ['Bäckadalens Design', 'flex', 'Grafisk form och förpackningar.', ['design']],
  ['Kyrkbacken Event', 'flex', 'Konferenser och evenemang.', ['event']],
  ['Hamnens Logistik', 'flex', 'Transportplanering och lager.', ['logistik']],
  ['Videdals Utbildning', 'flex', 'Kurser för yrkesverksamma.', ['utbildning']],
  ['Östra Torgets Café', 'flex', 'Catering till möten och frukostar.', ['mat']],
  ['Rönnbäcks Elektronik', 'flex', 'Prototyper och små serier.', ['teknik']],
  ['Skogsbrynets Turism', 'flex', 'Upplevelser i skog och sjö.', ['turism']],
  ['Lyckåsens Försäkring', 'flex', 'Försäkringsförmedling.', ['försäkring']],
  ['Mälarbackens Text', 'flex', 'Copywriting och redaktion.', ['kommunikation']],
  ['Vallens Ingenjörer', 'flex', 'Konstruktion och projektledning.', ['teknik']],
  ['Tallmons Hantverk', 'flex', 'Snickeri och inredning.', ['hantverk']],
  ['Kullens Ekonomiservice', 'flex', 'Lön och fakturering.', ['ekonomi']],
  ['Ängsbacka Coaching', 'flex', 'Karriär- och affärscoaching.', ['konsult']],
  ['Strandvägens Säkerhet', 'flex', 'IT-säkerhet för småföretag.', ['it']],
  ['Sjöbodens Foto', 'flex', 'Porträtt och produktfoto.', ['media']],
  ['Bergslagens Analys', 'flex', 'Marknadsanalys och statistik.', ['analys']],
];

export const FIRST_NAMES = [
  'Anna', 'Erik', 'Sara', 'Johan', 'Lina', 'Oskar', 'Elin', 'Mikael', 'Frida', 'Gustav', 'Hanna', 'Jonas',
  'Klara', 'Viktor', 'Moa', 'Henrik', 'Ida', 'Anders', 'Tove', 'Fredrik', 'Emma', 'Nils', 'Alva', 'Per',
  'Linnea', 'Karl', 'Wilma', 'Olof', 'Astrid', 'Leo', 'Maria', 'Ali', 'Amira', 'Jakob', 'Sofia', 'Tim',
];

export const LAST_NAMES = [
  'Lindgren', 'Sandberg', 'Holm', 'Berg', 'Ek', 'Nyström', 'Ahlberg', 'Forsell', 'Hedlund', 'Kron', 'Lund',
  'Malm', 'Norén', 'Palm', 'Rask', 'Sjöberg', 'Strand', 'Vik', 'Wall', 'Öberg', 'Dahl', 'Engström', 'Falk',
  'Hassan', 'Karimi', 'Lilja', 'Mattsson', 'Rydén', 'Sundin', 'Torstensson',
];

export const TALKS = [
  ['Så växer småföretag i mindre städer', 'Lärdomar från tio år av lokala företagsnätverk.', 'Karin Åström'],
  ['Digital marknadsföring på en lunchrast', 'Enkla verktyg för synlighet i sociala medier.', 'Jonas Ek'],
  ['PR för den som inte har en PR-byrå', 'Hur du får lokalpressen att skriva om dig.', 'Maria Falk'],
  ['AI i vardagen för småföretagare', 'Vad fungerar redan i dag – och vad är hype?', 'Amira Hassan'],
  ['Hållbarhet som affärsidé', 'Kunderna frågar – så svarar du med siffror.', 'Per Rydén'],
  ['Från idé till första kund', 'Tre lokala grundare berättar.', 'Panel'],
  ['Finansiering utan bank', 'Crowdfunding, ALMI och affärsänglar.', 'Fredrik Lund'],
  ['Att anställa sin första medarbetare', 'Avtal, kostnader och fallgropar.', 'Elin Strand'],
  ['Stadskärnan 2030', 'Näringslivsföreningens plan för ett levande centrum.', 'Anders Öberg'],
  ['Export för småföretag', 'Första stegen mot kunder i Norden.', 'Hanna Lilja'],
  ['Cybersäkerhet på tio minuter', 'Det viktigaste du kan göra i dag.', 'Tim Sundin'],
  ['Berättelsen om Coffice', 'Hur ett tomt kontor på torget blev stadens mötesplats.', 'Maja Lindqvist'],
  ['Kundservice som säljer', 'Små gester som ger återkommande kunder.', 'Klara Nyström'],
  ['Offentlig upphandling för små', 'Så lämnar du ett anbud som vinner.', 'Olof Mattsson'],
  ['Nätverka utan att sälja', 'Relationer som håller i en liten stad.', 'Linnea Dahl'],
];

export const COURSES = [
  ['Bokföring för nyföretagare', 'Grunderna i bokföring och moms.', 'Torgets Redovisning'],
  ['Excel för ekonomer', 'Pivottabeller och formler som sparar timmar.', 'Granbergs Revision'],
  ['Skriv texter som säljer', 'Workshop i webbtexter.', 'Mälarbackens Text'],
  ['Fota med mobilen', 'Produktbilder som fungerar i sociala medier.', 'Sjöbodens Foto'],
  ['Starta eget – steg för steg', 'Affärsplan, registrering och försäkringar.', 'Videdals Utbildning'],
];

export const BREAKFASTS = [
  'Frukostmöte: Nytt från kommunen',
  'Frukostmöte: Möt en medlem',
  'Frukostmöte: Lokala nyheter och affärer',
  'Frukostmöte: Ungdomar och sommarjobb',
  'Frukostmöte: Handeln i centrum',
];
