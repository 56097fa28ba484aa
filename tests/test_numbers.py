"""saksi.extract.numbers: amounts in running text, in Indonesian and English.

The sentences below are written for these tests in the styles of wire copy, online portals,
tabloids and blogs, bullet lists and translated agency text; none is copied from an article.
Each case lists every quantity expected in the sentence, in order, as
(span text, value, qualifier, kind), where value is a number, V(floor) for a vague amount,
R(low, high) for a range, or None.
"""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from saksi.extract.numbers import find_quantities, parse_number, spell
from numbers_helper import R, V, got


ID_CASES = [
    # --- wire copy
    ("Sekitar 600 tentara Korea Utara tewas dan ribuan lainnya terluka, kata anggota parlemen itu.",
     [("Sekitar 600", 600, "approx", "count"), ("ribuan", V(1000), "vague", "count")]),
    ("Pyongyang telah mengirim lebih dari 10.000 personel militer ke Rusia.",
     [("lebih dari 10.000", 10000, "more_than", "count")]),
    ("Kapal itu mengangkut hingga sembilan juta butir amunisi pada 2024.",
     [("hingga sembilan juta", 9_000_000, "up_to", "count"), ("2024", 2024, "exact", "year")]),
    ("Korea Utara memasok sekitar 12 juta butir peluru artileri sejak Februari 2022.",
     [("sekitar 12 juta", 12_000_000, "approx", "count"), ("Februari 2022", None, "exact", "date")]),
    ("Laporan memperkirakan 3.000 tentara tambahan tiba antara Januari dan Maret 2025.",
     [("3.000", 3000, "exact", "count"), ("Maret 2025", None, "exact", "date")]),
    ("Sebanyak 1.500 warga mengungsi ke tenda darurat, kata BNPB.", [("Sebanyak 1.500", 1500, "exact", "count")]),
    ("Sedikitnya 27 orang tewas dalam serangan itu.", [("Sedikitnya 27", 27, "at_least", "count")]),
    ("Setidaknya 14 rudal balistik ditembakkan sepanjang pekan.", [("Setidaknya 14", 14, "at_least", "count")]),
    ("Paling sedikit 300 rumah rusak berat.", [("Paling sedikit 300", 300, "at_least", "count")]),
    ("Jumlah korban diperkirakan 2.400 orang.", [("diperkirakan 2.400", 2400, "approx", "count")]),
    ("Kurang dari 50 penumpang selamat dari kecelakaan itu.", [("Kurang dari 50", 50, "less_than", "count")]),
    ("Tidak lebih dari lima kapal yang diizinkan berlabuh.", [("Tidak lebih dari lima", 5, "up_to", "count")]),
    ("Hampir 2.000 tentara Rusia tewas dalam sepekan.", [("Hampir 2.000", 2000, "approx", "count")]),
    ("Nyaris 700 warga sipil menjadi korban.", [("Nyaris 700", 700, "approx", "count")]),
    ("Kira-kira 40 kendaraan lapis baja terlihat di perbatasan.", [("Kira-kira 40", 40, "approx", "count")]),
    ("Kurang lebih 250 wartawan meliput acara tersebut.", [("Kurang lebih 250", 250, "approx", "count")]),
    ("Minimal 10 orang ditahan polisi.", [("Minimal 10", 10, "at_least", "count")]),
    ("Maksimal 30 peserta boleh mendaftar.", [("Maksimal 30", 30, "up_to", "count")]),
    ("Korban tewas mencapai 1.200 jiwa.", [("mencapai 1.200", 1200, "up_to", "count")]),
    ("Pemerintah mengerahkan 5.000 personel gabungan TNI-Polri.", [("5.000", 5000, "exact", "count")]),
    ("Sebanyak 100 rudal balistik dikirim ke Rusia.", [("Sebanyak 100", 100, "exact", "count")]),
    ("Sekitar 6.000 insinyur dan pekerja konstruksi militer akan dikirim.", [("Sekitar 6.000", 6000, "approx", "count")]),
    ("Lebih dari 11.000 tentara dipasok sepanjang tahun 2024.",
     [("Lebih dari 11.000", 11000, "more_than", "count"), ("2024", 2024, "exact", "year")]),
    ("Serangan drone itu melukai 17 orang, termasuk dua anak.", [("17", 17, "exact", "count"), ("dua", 2, "exact", "count")]),
    # --- digits and number words
    ("Angkatan laut menerima 3,5 juta butir peluru.", [("3,5 juta", 3_500_000, "exact", "count")]),
    ("Anggaran pertahanan naik menjadi 1,2 miliar.", [("1,2 miliar", 1_200_000_000, "exact", "count")]),
    ("Korea Utara mengirim 9 Juta butir amunisi.", [("9 Juta", 9_000_000, "exact", "count")]),
    ("Sebanyak 12 ribu personel disiagakan.", [("Sebanyak 12 ribu", 12000, "exact", "count")]),
    ("Mereka memasok 10rb peluru dan 5jt butir amunisi.", [("10rb", 10000, "exact", "count"), ("5jt", 5_000_000, "exact", "count")]),
    ("Dua ratus dua puluh tiga orang hadir.", [("Dua ratus dua puluh tiga", 223, "exact", "count")]),
    ("Seribu dua ratus relawan ikut membantu.", [("Seribu dua ratus", 1200, "exact", "count")]),
    ("Satu setengah juta dosis vaksin tiba di bandara.", [("Satu setengah juta", 1_500_000, "exact", "count")]),
    ("Setengah juta warga kehilangan tempat tinggal.", [("Setengah juta", 500_000, "exact", "count")]),
    ("Dua belas orang dan tiga belas ribu penonton.", [("Dua belas", 12, "exact", "count"), ("tiga belas ribu", 13000, "exact", "count")]),
    ("Sebelas kapal dan seratus dua puluh pesawat.", [("Sebelas", 11, "exact", "count"), ("seratus dua puluh", 120, "exact", "count")]),
    ("Sepuluh tentara dan sejuta harapan.", [("Sepuluh", 10, "exact", "count"), ("sejuta", 1_000_000, "exact", "count")]),
    ("Jumlah pengungsi tercatat 2 juta 500 ribu jiwa.", [("2 juta 500 ribu", 2_500_000, "exact", "count")]),
    ("Tiga ratus ribu orang turun ke jalan.", [("Tiga ratus ribu", 300_000, "exact", "count")]),
    ("Empat puluh lima ribu tiga ratus dua belas suara sah.", [("Empat puluh lima ribu tiga ratus dua belas", 45312, "exact", "count")]),
    ("Dua miliar lima ratus juta rupiah raib.", [("Dua miliar lima ratus juta rupiah", 2_500_000_000, "exact", "money")]),
    ("Data resmi mencatat 10.000.000 penduduk.", [("10.000.000", 10_000_000, "exact", "count")]),
    ("Jumlahnya 1,500 orang menurut data terjemahan.", [("1,500", 1500, "exact", "count")]),
    ("Tercatat 10,000 pengunjung pada hari pertama.", [("10,000", 10000, "exact", "count"), ("pertama", 1, "exact", "ordinal")]),
    ("Harga naik 2.5 kali lipat.", [("2.5 kali lipat", 2.5, "exact", "measure")]),
    ("Kerugian ditaksir 1.234,5 juta.", [("ditaksir 1.234,5 juta", 1_234_500_000, "approx", "count")]),
    ("Hanya nol kasus dilaporkan.", [("nol", 0, "exact", "count")]),
    # --- vague amounts
    ("Puluhan ribu warga turun ke jalan.", [("Puluhan ribu", V(10000), "vague", "count")]),
    ("Ratusan ribu pengungsi memadati perbatasan.", [("Ratusan ribu", V(100000), "vague", "count")]),
    ("Belasan rumah rusak dan puluhan orang luka-luka.", [("Belasan", V(11), "vague", "count"), ("puluhan", V(10), "vague", "count")]),
    ("Jutaan peluru artileri dikirim lewat jalur kereta.", [("Jutaan", V(1_000_000), "vague", "count")]),
    ("Ratusan tentara dilaporkan hilang.", [("Ratusan", V(100), "vague", "count")]),
    ("Korea Utara telah mengirim ribuan tentara ke Rusia.", [("ribuan", V(1000), "vague", "count")]),
    ("Beberapa ribu tentara bersiaga, beberapa pejabat menolak berkomentar.", [("Beberapa ribu", V(1000), "vague", "count")]),
    ("Puluhan juta dolar digelontorkan.", [("Puluhan juta dolar", V(10_000_000), "vague", "money")]),
    ("Miliaran rupiah hilang begitu saja.", [("Miliaran rupiah", V(1_000_000_000), "vague", "money")]),
    # --- ranges
    ("Sekitar 10.000 hingga 12.000 tentara dikerahkan.", [("Sekitar 10.000 hingga 12.000", R(10000, 12000), "range", "count")]),
    ("Antara 10.000 dan 12.000 tentara dikerahkan.", [("Antara 10.000 dan 12.000", R(10000, 12000), "range", "count")]),
    ("Pasukan itu berjumlah 10 hingga 12 ribu orang.", [("berjumlah 10 hingga 12 ribu", R(10000, 12000), "range", "count")]),
    ("Diperkirakan 10.000–12.000 tentara tiba.", [("Diperkirakan 10.000–12.000", R(10000, 12000), "range", "count")]),
    ("Sebanyak 10.000-12.000 tentara tiba.", [("Sebanyak 10.000-12.000", R(10000, 12000), "range", "count")]),
    ("Sekitar 3-5 juta butir peluru dikirim.", [("Sekitar 3-5 juta", R(3_000_000, 5_000_000), "range", "count")]),
    ("Produksi mencapai 1,5–2 juta butir per tahun.", [("mencapai 1,5–2 juta", R(1_500_000, 2_000_000), "range", "count")]),
    ("Dari 5 sampai 7 orang ditangkap.", [("Dari 5 sampai 7", R(5, 7), "range", "count")]),
    ("Dua atau tiga kapal tenggelam.", [("Dua atau tiga", R(2, 3), "range", "count")]),
    ("Kerugian berkisar antara 2 dan 3 miliar.", [("berkisar antara 2 dan 3 miliar", R(2e9, 3e9), "range", "count")]),
    ("Skor akhir 3-2 untuk tuan rumah.", [("3", 3, "exact", "count")]),
    # --- what follows the number
    ("10.000 lebih tentara dikirim ke garis depan.", [("10.000 lebih", 10000, "more_than", "count")]),
    ("Jumlah korban 1.000-an orang.", [("1.000-an", 1000, "approx", "count")]),
    ("Sekitar 500-an personel berjaga.", [("Sekitar 500-an", 500, "approx", "count")]),
    ("Jumlahnya 100+ unit.", [("100+", 100, "more_than", "count")]),
    ("Ukurannya dua kali lebih besar.", [("dua kali", 2, "exact", "measure")]),
    # --- not counts: money, percent, measure, time, year, date, ordinal
    ("Pemerintah menganggarkan Rp 5 triliun untuk program itu.", [("Rp 5 triliun", 5e12, "exact", "money")]),
    ("Nilai kontrak US$ 500 juta atau sekitar Rp7,5 triliun.",
     [("US$ 500 juta", 5e8, "exact", "money"), ("sekitar Rp7,5 triliun", 7.5e12, "approx", "money")]),
    ("Bantuan senilai $1 miliar diumumkan.", [("senilai $1 miliar", 1e9, "exact", "money")]),
    ("Dana 5 miliar dolar AS disiapkan.", [("5 miliar dolar AS", 5e9, "exact", "money")]),
    ("Harga Rp5.000,00 per liter dan subsidi Rp 2,5T.",
     [("Rp5.000,00", 5000, "exact", "money"), ("Rp 2,5T", 2.5e12, "exact", "money")]),
    ("Inflasi mencapai 2,5 persen dan suku bunga 6%.",
     [("mencapai 2,5 persen", 2.5, "up_to", "percent"), ("6%", 6, "exact", "percent")]),
    ("Sembilan puluh sembilan persen warga setuju.", [("Sembilan puluh sembilan persen", 99, "exact", "percent")]),
    ("Amunisi kaliber 122 mm dan 152mm dikirim.", [("122 mm", 122, "exact", "measure"), ("152mm", 152, "exact", "measure")]),
    ("Rudal itu terbang 1.000 km dalam 3 jam.", [("1.000 km", 1000, "exact", "measure"), ("3 jam", 3, "exact", "measure")]),
    ("Konflik itu sudah berlangsung tiga tahun.", [("tiga tahun", 3, "exact", "measure")]),
    ("Bantuan 500 ton beras tiba di pelabuhan.", [("500 ton", 500, "exact", "measure")]),
    ("Sekitar pukul 03.00 dini hari, 2 ledakan terdengar; 08.30 WIB.",
     [("03.00", None, "exact", "time"), ("2", 2, "exact", "count"), ("08.30 WIB", None, "exact", "time")]),
    ("Di km 57 tol Cikampek, 3 mobil tabrakan.", [("57", 57, "exact", "ordinal"), ("3", 3, "exact", "count")]),
    ("Rudal ditembakkan pukul 10.00 WIB dan mendarat 10:45.", [("10.00 WIB", None, "exact", "time"), ("10:45", None, "exact", "time")]),
    ("Peristiwa itu terjadi pada 2024 dan berlanjut tahun 2025.", [("2024", 2024, "exact", "year"), ("2025", 2025, "exact", "year")]),
    ("Sanksi berlaku hingga 2026.", [("hingga 2026", 2026, "up_to", "year")]),
    ("Pada era 1990-an dan tahun 80an ekonomi tumbuh.", [("1990-an", 1990, "exact", "year"), ("80an", 80, "exact", "year")]),
    ("Sekitar 2000 tentara bersiaga.", [("Sekitar 2000", 2000, "approx", "count")]),
    ("Pernyataan ini muncul pada Senin (2/6/2025).", [("Senin (2/6/2025)", None, "exact", "date")]),
    ("Putin tiba di Pyongyang pada 18 Juni 2024.", [("18 Juni 2024", None, "exact", "date")]),
    ("Jumat (29/11/2024), Belousov bertemu mitranya.", [("Jumat (29/11/2024)", None, "exact", "date")]),
    ("Tanggal 31/2/2025 jelas salah ketik.", [("31/2/2025", None, "exact", "date")]),
    ("Ini kunjungan ke-3 Putin dan yang kedua bagi Lavrov.", [("3", 3, "exact", "ordinal"), ("kedua", 2, "exact", "ordinal")]),
    ("Resolusi 1718 Dewan Keamanan PBB melarang ekspor senjata.", [("1718", 1718, "exact", "ordinal")]),
    ("Rapat digelar di lantai 3 gedung DPR.", [("3", 3, "exact", "ordinal")]),
    ("Pasal 5 perjanjian itu mengatur bantuan militer.", [("5", 5, "exact", "ordinal")]),
    # --- names and phrases that are no amounts
    ("Jet tempur F-16 dan Su-27 serta rudal KN-23 terlihat.", []),
    ("Salah satu tentara mengatakan hal itu.", []),
    ("Pesawat A320 dan virus COVID-19 disebut dalam laporan.", []),
    ("Hubungi 0812-3456-7890 untuk informasi.", []),
    ("Jaringan 5G diluncurkan tahun depan.", []),
    # --- bullet lists and tabloid style
    ("- Memasok lebih dari 11.000 tentara", [("lebih dari 11.000", 11000, "more_than", "count")]),
    ("- 100 Rudal balistik", [("100", 100, "exact", "count")]),
    ("• 9 Juta butir amunisi artileri", [("9 Juta", 9_000_000, "exact", "count")]),
    ("1) Sekitar 200 tank; 2) 50 jet tempur", [("1", 1, "exact", "count"), ("Sekitar 200", 200, "approx", "count"),
                                              ("2", 2, "exact", "count"), ("50", 50, "exact", "count")]),
    ("Wih, ribuan netizen langsung heboh!", [("ribuan", V(1000), "vague", "count")]),
    ("Gokil, 10 ribu lebih penonton datang!", [("10 ribu lebih", 10000, "more_than", "count")]),
    ("Korban tembus 1 juta lebih, guys.", [("1 juta lebih", 1_000_000, "more_than", "count")]),
    ("Udah ada sejak 2006 dan terus diperkuat.", [("2006", 2006, "exact", "year")]),
    # --- translated agency text
    ("Menurut Yonhap, Korea Utara telah memasok sekitar 12 juta butir amunisi artileri.",
     [("sekitar 12 juta", 12_000_000, "approx", "count")]),
    ("KCNA melaporkan bahwa lebih dari 10.000 tentara Korea Utara dikerahkan ke wilayah itu.",
     [("lebih dari 10.000", 10000, "more_than", "count")]),
    ("Badan intelijen menyebut sekitar 1,5 juta butir peluru dikirim tiap bulan.",
     [("sekitar 1,5 juta", 1_500_000, "approx", "count")]),
    # --- symbols, chained qualifiers, odd forms
    ("Sekitar ±100 orang, ~200 kendaraan, >300 kapal dan < 50 pesawat.",
     [("Sekitar ±100", 100, "approx", "count"), ("~200", 200, "approx", "count"), (">300", 300, "more_than", "count"),
      ("< 50", 50, "less_than", "count")]),
    ("Sekitar 20an orang hadir, seperti pada tahun 80an.", [("Sekitar 20an", 20, "approx", "count"), ("80an", 80, "exact", "year")]),
    ("Sebanyak lebih dari 10.000 orang mengungsi.", [("Sebanyak lebih dari 10.000", 10000, "more_than", "count")]),
    ("Layanan 24/7 menjangkau 1/3 warga.", [("24", 24, "exact", "measure"), ("1", 1, "exact", "measure")]),
]


EN_CASES = [
    # --- wire copy
    ("More than 10,000 North Korean troops were sent to Kursk, officials said.",
     [("More than 10,000", 10000, "more_than", "count")]),
    ("Some 600 soldiers were killed and thousands more wounded.",
     [("Some 600", 600, "approx", "count"), ("thousands", V(1000), "vague", "count")]),
    ("An estimated 1.5 million shells were shipped.", [("An estimated 1.5 million", 1_500_000, "approx", "count")]),
    ("Up to 12 million rounds may have crossed the border.", [("Up to 12 million", 12_000_000, "up_to", "count")]),
    ("At least 27 people were killed in the strike.", [("At least 27", 27, "at_least", "count")]),
    ("About 3,000 additional troops arrived between January and March 2025.",
     [("About 3,000", 3000, "approx", "count"), ("March 2025", None, "exact", "date")]),
    ("Nearly 2,000 soldiers died in a week.", [("Nearly 2,000", 2000, "approx", "count")]),
    ("Almost 700 civilians were wounded.", [("Almost 700", 700, "approx", "count")]),
    ("Roughly 40 armoured vehicles were seen.", [("Roughly 40", 40, "approx", "count")]),
    ("Around 250 journalists covered the summit.", [("Around 250", 250, "approx", "count")]),
    ("Approximately 1,200 homes were destroyed.", [("Approximately 1,200", 1200, "approx", "count")]),
    ("Fewer than 50 passengers survived.", [("Fewer than 50", 50, "less_than", "count")]),
    ("Less than 5,000 residents remain.", [("Less than 5,000", 5000, "less_than", "count")]),
    ("As many as 3,000 people remain missing.", [("As many as 3,000", 3000, "up_to", "count")]),
    ("Over 10,000 soldiers and under 500 tanks.", [("Over 10,000", 10000, "more_than", "count"), ("under 500", 500, "less_than", "count")]),
    ("Upwards of 2,000 drones were launched.", [("Upwards of 2,000", 2000, "more_than", "count")]),
    ("No fewer than 14 ballistic missiles were fired.", [("No fewer than 14", 14, "at_least", "count")]),
    ("A total of 100 ballistic missiles were delivered.", [("A total of 100", 100, "exact", "count")]),
    ("Pyongyang sent 1,500 workers to the region.", [("1,500", 1500, "exact", "count")]),
    ("The drone strike injured 17 people, including two children.",
     [("17", 17, "exact", "count"), ("two", 2, "exact", "count")]),
    ("The army deployed 5,000 troops, the ministry said.", [("5,000", 5000, "exact", "count")]),
    ("Close to 900 prisoners were exchanged.", [("Close to 900", 900, "approx", "count")]),
    ("Well over 1,000 shells landed overnight.", [("Well over 1,000", 1000, "more_than", "count")]),
    ("No more than five ships may dock.", [("No more than five", 5, "up_to", "count")]),
    # --- digits and number words
    ("The navy received 3.5 million rounds.", [("3.5 million", 3_500_000, "exact", "count")]),
    ("The budget rose to 1.2 billion.", [("1.2 billion", 1_200_000_000, "exact", "count")]),
    ("North Korea shipped 9 million rounds.", [("9 million", 9_000_000, "exact", "count")]),
    ("Officials counted 12 thousand volunteers.", [("12 thousand", 12000, "exact", "count")]),
    ("Nearly 10k people signed; 2.5K more joined.", [("Nearly 10k", 10000, "approx", "count"), ("2.5K", 2500, "exact", "count")]),
    ("Two hundred twenty-three delegates attended.", [("Two hundred twenty-three", 223, "exact", "count")]),
    ("One thousand two hundred volunteers helped.", [("One thousand two hundred", 1200, "exact", "count")]),
    ("A hundred and twenty people attended.", [("A hundred and twenty", 120, "exact", "count")]),
    ("Two and a half million doses arrived.", [("Two and a half million", 2_500_000, "exact", "count")]),
    ("Half a million people lost their homes.", [("Half a million", 500_000, "exact", "count")]),
    ("A dozen ships and two dozen jets.", [("A dozen", 12, "exact", "count"), ("two dozen", 24, "exact", "count")]),
    ("Twelve people and thirteen thousand spectators.", [("Twelve", 12, "exact", "count"), ("thirteen thousand", 13000, "exact", "count")]),
    ("Eleven ships and one hundred twenty planes.", [("Eleven", 11, "exact", "count"), ("one hundred twenty", 120, "exact", "count")]),
    ("Twenty-three thousand four hundred fifty-six ballots.",
     [("Twenty-three thousand four hundred fifty-six", 23456, "exact", "count")]),
    ("One million two hundred thousand people voted.", [("One million two hundred thousand", 1_200_000, "exact", "count")]),
    ("Nine hundred ninety-nine people applied.", [("Nine hundred ninety-nine", 999, "exact", "count")]),
    ("Census data show 10,000,000 residents.", [("10,000,000", 10_000_000, "exact", "count")]),
    ("Translated figures give 1.500 soldiers.", [("1.500", 1500, "exact", "count")]),
    ("Prices rose 2,5 times.", [("2,5 times", 2.5, "exact", "measure")]),
    ("Losses were put at 1,234.5 million.", [("1,234.5 million", 1_234_500_000, "exact", "count")]),
    ("Zero cases were reported.", [("Zero", 0, "exact", "count")]),
    ("Three ships, four tanks, five jets.", [("Three", 3, "exact", "count"), ("four", 4, "exact", "count"), ("five", 5, "exact", "count")]),
    # --- vague amounts
    ("Tens of thousands of people fled the city.", [("Tens of thousands", V(10000), "vague", "count")]),
    ("Hundreds of thousands more were displaced.", [("Hundreds of thousands", V(100000), "vague", "count")]),
    ("Dozens were injured and several hundred arrested.",
     [("Dozens", V(12), "vague", "count"), ("several hundred", V(100), "vague", "count")]),
    ("Millions of shells have been shipped by rail.", [("Millions", V(1_000_000), "vague", "count")]),
    ("Hundreds of soldiers are missing.", [("Hundreds", V(100), "vague", "count")]),
    ("North Korea has sent thousands of troops to Russia.", [("thousands", V(1000), "vague", "count")]),
    ("A few thousand troops stood by; a few officials declined to comment.", [("A few thousand", V(1000), "vague", "count")]),
    ("Tens of millions of dollars were spent.", [("Tens of millions of dollars", V(10_000_000), "vague", "money")]),
    ("Several thousand residents were evacuated.", [("Several thousand", V(1000), "vague", "count")]),
    # --- ranges
    ("Between 10,000 and 12,000 troops were deployed.", [("Between 10,000 and 12,000", R(10000, 12000), "range", "count")]),
    ("About 10,000 to 12,000 troops were deployed.", [("About 10,000 to 12,000", R(10000, 12000), "range", "count")]),
    ("The force numbers 10 to 12 thousand.", [("10 to 12 thousand", R(10000, 12000), "range", "count")]),
    ("Estimates range from 10,000 to 12,000 soldiers.", [("from 10,000 to 12,000", R(10000, 12000), "range", "count")]),
    ("Some 10,000–12,000 troops arrived.", [("Some 10,000–12,000", R(10000, 12000), "range", "count")]),
    ("Roughly 3-5 million shells were sent.", [("Roughly 3-5 million", R(3_000_000, 5_000_000), "range", "count")]),
    ("Output reached 1.5–2 million rounds a year.", [("1.5–2 million", R(1_500_000, 2_000_000), "range", "count")]),
    ("Two or three ships sank.", [("Two or three", R(2, 3), "range", "count")]),
    ("Roughly two to three thousand a month.", [("Roughly two to three thousand", R(2000, 3000), "range", "count")]),
    ("The final score was 3-2.", [("3", 3, "exact", "count")]),
    ("Between 20 and 30 people, and 40 and 50 others.",
     [("Between 20 and 30", R(20, 30), "range", "count"), ("40", 40, "exact", "count"), ("50", 50, "exact", "count")]),
    # --- what follows the number
    ("The 10,000-plus troops and 20-odd generals.", [("10,000-plus", 10000, "more_than", "count"), ("20-odd", 20, "approx", "count")]),
    ("It has 100 or more launchers and 30 or so tanks.",
     [("100 or more", 100, "at_least", "count"), ("30 or so", 30, "approx", "count")]),
    ("Membership reached 5,000+ last week.", [("5,000+", 5000, "more_than", "count")]),
    ("The missile is twice as fast and three times as large.", [("three times", 3, "exact", "measure")]),
    # --- not counts
    ("The deal is worth $1.2bn.", [("$1.2bn", 1.2e9, "exact", "money")]),
    ("Aid worth about US$ 500 million was pledged.", [("about US$ 500 million", 5e8, "approx", "money")]),
    ("Fees of €3m and £250,000 were paid.", [("€3m", 3e6, "exact", "money"), ("£250,000", 250000, "exact", "money")]),
    ("The fund holds 5 billion dollars.", [("5 billion dollars", 5e9, "exact", "money")]),
    ("Casualties rose 15% and inflation hit 2.5 percent.",
     [("15%", 15, "exact", "percent"), ("2.5 percent", 2.5, "exact", "percent")]),
    ("Ninety-nine percent agreed.", [("Ninety-nine percent", 99, "exact", "percent")]),
    ("It fires 122 mm and 152mm shells.", [("122 mm", 122, "exact", "measure"), ("152mm", 152, "exact", "measure")]),
    ("The missile flew 1,000 km with a 500kg warhead.", [("1,000 km", 1000, "exact", "measure"), ("500kg", 500, "exact", "measure")]),
    ("The war has lasted three years.", [("three years", 3, "exact", "measure")]),
    ("A 10-year deal was signed.", [("10-year", 10, "exact", "measure")]),
    ("The launch came at 10:15 a.m. and another at 10:45.",
     [("10:15 a.m.", None, "exact", "time"), ("10:45", None, "exact", "time")]),
    ("It happened in 2024 and continued into 2025.", [("2024", 2024, "exact", "year"), ("2025", 2025, "exact", "year")]),
    ("Sanctions run until 2026.", [("2026", 2026, "exact", "year")]),
    ("The 1990s saw growth; the war of 1812 ended.", [("1990s", 1990, "exact", "year"), ("1812", 1812, "exact", "year")]),
    ("Around 2000 troops stood by.", [("Around 2000", 2000, "approx", "count")]),
    ("In mid-2024 the talks resumed.", [("2024", 2024, "exact", "year")]),
    ("The 2022-2024 period was tense.", [("2022-2024", R(2022, 2024), "range", "year")]),
    ("Putin visited on June 18, 2024.", [("June 18, 2024", None, "exact", "date")]),
    ("The talks ran 10-12 June 2024.", [("10", 10, "exact", "date"), ("12 June 2024", None, "exact", "date")]),
    ("It was the 3rd visit and the first this year.", [("3rd", 3, "exact", "ordinal"), ("first", 1, "exact", "ordinal")]),
    ("Resolution 2231 and Article 5 of the treaty.", [("2231", 2231, "exact", "ordinal"), ("5", 5, "exact", "ordinal")]),
    ("The meeting was on floor 3.", [("3", 3, "exact", "ordinal")]),
    # --- names and phrases that are no amounts
    ("F-16 jets and Su-27 fighters escorted KN-23 missiles.", []),
    ("Flight MH17 and A320 jets; the COVID-19 pandemic.", []),
    ("No one knows, and one of the soldiers said so.", []),
    ("Call 0812-3456-7890 for details.", []),
    ("5G networks and 3D printers.", []),
    # --- bullet lists, blogs, tabloids
    ("- Supplied more than 11,000 troops", [("more than 11,000", 11000, "more_than", "count")]),
    ("- 100 ballistic missiles", [("100", 100, "exact", "count")]),
    ("• 9 million rounds of artillery ammunition", [("9 million", 9_000_000, "exact", "count")]),
    ("1) About 200 tanks; 2) 50 jets", [("1", 1, "exact", "count"), ("About 200", 200, "approx", "count"),
                                        ("2", 2, "exact", "count"), ("50", 50, "exact", "count")]),
    ("Wow, like thousands of fans showed up!!", [("thousands", V(1000), "vague", "count")]),
    ("OMG over 1 million views in a day!", [("over 1 million", 1_000_000, "more_than", "count")]),
    ("Since 2006 the sanctions have grown.", [("2006", 2006, "exact", "year")]),
    # --- translated agency text
    ("According to Yonhap, North Korea has supplied around 12 million artillery shells.",
     [("around 12 million", 12_000_000, "approx", "count")]),
    ("KCNA reported that more than 10,000 troops were deployed to the area.",
     [("more than 10,000", 10000, "more_than", "count")]),
    ("The intelligence agency said roughly 1.5 million rounds are sent each month.",
     [("roughly 1.5 million", 1_500_000, "approx", "count")]),
    # --- symbols, chained qualifiers, odd forms
    ("Half a dozen tanks joined a 3,000-strong force.", [("Half a dozen", 6, "exact", "count"), ("3,000", 3000, "exact", "count")]),
    ("Roughly ~40 vehicles and >300 ships.", [("Roughly ~40", 40, "approx", "count"), (">300", 300, "more_than", "count")]),
    ("A total of more than 10,000 people fled.", [("A total of more than 10,000", 10000, "more_than", "count")]),
]


@pytest.mark.parametrize("text,expected", ID_CASES, ids=[c[0][:40] for c in ID_CASES])
def test_indonesian(text, expected):
    assert got(text, "id") == expected


@pytest.mark.parametrize("text,expected", EN_CASES, ids=[c[0][:40] for c in EN_CASES])
def test_english(text, expected):
    assert got(text, "en") == expected


def test_case_counts():
    assert len(ID_CASES) >= 100 and len(EN_CASES) >= 100


# --------------------------------------------------------------------------- spans and fields

def test_spans_point_into_the_text():
    text = "Menurut laporan, sekitar 12 juta butir amunisi artileri dikirim."
    (q,) = find_quantities(text, "id")
    assert text[q.start:q.end] == q.text == "sekitar 12 juta"
    assert text[q.number_start:q.number_end] == "12 juta"
    assert q.qualifier == "approx" and q.kind == "count" and q.value == 12_000_000


def test_vague_and_range_fields():
    (v,) = find_quantities("ribuan lainnya terluka", "id")
    assert (v.value, v.value_low, v.value_high, v.qualifier) == (None, 1000, None, "vague")
    (r,) = find_quantities("antara 10.000 dan 12.000 orang", "id")
    assert (r.value, r.value_low, r.value_high, r.qualifier) == (None, 10000, 12000, "range")
    assert r.text == "antara 10.000 dan 12.000"
    assert r.number_start == r.text.index("10") and r.number_end == len(r.text)


def test_units_are_reported():
    qs = find_quantities("Rp 5 triliun, 6%, 122 mm", "id")
    assert [(q.kind, q.unit) for q in qs] == [("money", "Rp"), ("percent", "%"), ("measure", "mm")]


def test_case_of_original_text_is_kept():
    (q,) = find_quantities("LEBIH DARI 10.000 TENTARA", "id")
    assert q.text == "LEBIH DARI 10.000" and q.qualifier == "more_than"


def test_unknown_language_has_no_number_words_but_reads_digits():
    qs = find_quantities("12.500 and 3", "xx")
    assert [q.value for q in qs] == [12500, 3]


def test_parse_number():
    assert parse_number("dua puluh", "id") == 20
    assert parse_number("3,5 juta", "id") == 3_500_000
    assert parse_number("twelve", "en") == 12
    assert parse_number("twelve soldiers", "en") is None
    assert parse_number("", "en") is None


# --------------------------------------------------------------------------- spelling and properties

@pytest.mark.parametrize("n,lang,words", [
    (0, "id", "nol"), (11, "id", "sebelas"), (12, "id", "dua belas"), (100, "id", "seratus"),
    (1000, "id", "seribu"), (1_500_000, "id", "satu juta lima ratus ribu"), (215, "id", "dua ratus lima belas"),
    (0, "en", "zero"), (21, "en", "twenty-one"), (100, "en", "one hundred"), (1000, "en", "one thousand"),
    (2_000_012, "en", "two million twelve"), (999, "en", "nine hundred ninety-nine"),
    # optional spell keys: hundreds, hundred_exact, hundred_rest_joiner, last_joiner, count_atoms,
    # scale_count_joiners / scale_rest_joiners
    (100, "pt", "cem"), (101, "pt", "cento e um"), (234, "pt", "duzentos e trinta e quatro"),
    (1500, "pt", "mil e quinhentos"), (2020, "pt", "dois mil e vinte"), (1_500_000, "pt", "um milhão e quinhentos mil"),
    (1234, "pt", "mil duzentos e trinta e quatro"),
    (100, "es", "cien"), (500, "es", "quinientos"), (1999, "es", "mil novecientos noventa y nueve"),
    (21_000, "es", "veintiún mil"), (31_000_000, "es", "treinta y un millones"), (101_000, "es", "ciento un mil"),
    (3200, "de", "dreitausendzweihundert"), (101_000, "de", "einhunderteintausend"),
    (1_200_345, "de", "eine Million zweihunderttausenddreihundertfünfundvierzig"), (2_000_000, "de", "zwei Millionen"),
])
def test_spell(n, lang, words):
    assert spell(n, lang) == words


def test_spell_rejects_negative():
    with pytest.raises(ValueError):
        spell(-1, "en")


PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(n=st.integers(min_value=0, max_value=10**12 - 1), lang=st.sampled_from(["id", "en", "ms", "de", "es", "fr", "pt"]))
def test_spelled_numbers_parse_back(n, lang):
    # "un"/"um" alone is the article in fr and pt (a one_word), no amount
    assume(not (n == 1 and lang in ("fr", "pt")))
    words = spell(n, lang)
    qs = find_quantities(words, lang)
    assert len(qs) == 1, (words, qs)
    assert qs[0].value == n and qs[0].text == words


@PROPS
@given(n=st.integers(min_value=0, max_value=10**12 - 1), lang=st.sampled_from(["id", "en"]),
       group=st.sampled_from([".", ","]), qualifier=st.sampled_from(["", "sekitar ", "about "]))
def test_digits_in_either_convention_parse_back(n, lang, group, qualifier):
    digits = f"{n:,}".replace(",", group)
    text = f"{qualifier}{digits} tentara"
    qs = [q for q in find_quantities(text, lang) if q.number_start == len(qualifier)]
    assert len(qs) == 1, (text, qs)
    assert qs[0].value == n


@PROPS
@given(whole=st.integers(min_value=1, max_value=999), tenth=st.integers(min_value=1, max_value=9),
       scale=st.sampled_from([("juta", "million", 10**6), ("miliar", "billion", 10**9)]))
def test_decimal_with_multiplier(whole, tenth, scale):
    id_word, en_word, factor = scale
    (a,) = find_quantities(f"{whole},{tenth} {id_word}", "id")
    (b,) = find_quantities(f"{whole}.{tenth} {en_word}", "en")
    expected = (whole * 10 + tenth) * factor // 10
    assert a.value == expected and b.value == expected


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), lang=st.sampled_from(["id", "en"]))
def test_garbage_never_crashes(text, lang):
    for q in find_quantities(text, lang):
        assert 0 <= q.start <= q.number_start <= q.number_end <= q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.qualifier in {"exact", "approx", "more_than", "less_than", "up_to", "at_least", "range", "vague"}


_ALPHABET = st.sampled_from(list("0123456789.,-–/: %$Rp") + ["juta", "ribu", " sekitar ", " lebih dari ", " hingga ",
                                                             "million", " and ", " between ", "an", "s", "\n"])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_ALPHABET, max_size=60), lang=st.sampled_from(["id", "en"]))
def test_number_shaped_garbage_never_crashes(parts, lang):
    text = "".join(parts)
    for q in find_quantities(text, lang):
        assert q.text == text[q.start:q.end]
        assert q.value is None or q.value == q.value  # never NaN


# --------------------------------------------------------------------------- absurd input

@pytest.mark.parametrize("text", [
    "1e309", "999.999.999.999.999.999", "9" * 5000, "1," * 5000, "1." * 5000, "-" * 5000,
    "1-" * 5000, "sekitar " * 2000 + "5", "ribuan " * 2000, "dua " * 2000, "$" * 5000, "Rp" * 3000,
    "0" * 400 + ".5", "1" + "0" * 320, "\x00\ufeff1\u200b000", "١٢٣", "½ juta", "1.000.000.000.000.000.000.000 juta",
])
def test_absurd_input(text):
    for lang in ("id", "en"):
        for q in find_quantities(text, lang):
            assert q.text == text[q.start:q.end]
            assert q.value is None or (q.value == q.value and q.value not in (float("inf"), float("-inf")))


def test_absurd_values():
    assert find_quantities("1e309", "en") == []
    (q,) = find_quantities("999.999.999.999.999.999", "id")
    assert q.value == float(999_999_999_999_999_999)


def _timed(text: str, lang: str) -> tuple[float, int]:
    t = time.perf_counter()
    n = len(find_quantities(text, lang))
    return time.perf_counter() - t, n


def test_five_megabytes_in_linear_time():
    sentence = ("Menurut laporan badan intelijen yang dikutip kantor berita itu, sekitar 10.000 tentara dan "
                "ribuan warga sipil dikirim ke wilayah perbatasan pada 2024, sementara pemerintah membantah "
                "semua tuduhan tersebut dan menyebutnya sebagai propaganda Barat. Pejabat kementerian luar "
                "negeri mengatakan kerja sama kedua negara bertujuan menjaga stabilitas kawasan, sedangkan "
                "para analis menilai lebih dari 3,5 juta butir peluru telah berpindah tangan melalui jalur "
                "kereta api dan pelabuhan di pantai timur, antara 5 dan 7 kapal setiap bulan. ")
    big = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    small = big[:500_000]
    t_small, n_small = _timed(small, "id")
    t_big, n_big = _timed(big, "id")
    assert n_big >= 9 * n_small
    assert t_big < 240  # generous for a slow, shared CI machine
    assert t_big < 40 * max(t_small, 0.05)  # linear, not quadratic (10x the text)


@pytest.mark.parametrize("text", [
    "x" * 5_000_000,
    " " * 5_000_000,
    ("the quick brown fox jumps over the lazy dog " * 120_000)[:5_000_000],
    "1" * 5_000_000,
    ("1." * 2_500_000),
    ("lebih dari " * 500_000)[:5_000_000],
])
def test_five_megabytes_of_odd_text(text):
    elapsed, _ = _timed(text, "en")
    assert elapsed < 120


def test_speed_of_an_article():
    article = " ".join(c[0] for c in ID_CASES)
    find_quantities(article, "id")
    t = time.perf_counter()
    for _ in range(20):
        find_quantities(article, "id")
    per_kb = (time.perf_counter() - t) / 20 / (len(article) / 1000)
    assert per_kb < 0.05  # seconds per KB; typically well under 2 ms


def test_no_overlaps_and_in_order():
    text = " ".join(c[0] for c in EN_CASES)
    qs = find_quantities(text, "en")
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.start
    assert all(re.search(r"\S", q.text) for q in qs)


# --------------------------------------------------------------------------- a new language is data only

_ZZ_NUMBERS = {
    "decimal_mark": ",", "separators": [".", " "],
    "words": {"uno": 1, "un": 1, "dos": 2, "tres": 3, "diez": 10, "once": 11, "veinte": 20, "sesenta": 60, "cien": 100},
    "multipliers": {"mil": 1000, "millón": 1_000_000, "millones": 1_000_000},
    "vague": {"miles": 1000, "decenas": 10, "millones": 1_000_000}, "vague_links": ["de"],
    "connectors": ["y", "-"], "teens_after_tens": True,
    "qualifiers": {"más de": "more_than", "unos": "approx", "alrededor de": "approx", "hasta": "up_to"},
    "range_frames": {"entre": ["y"]}, "range_connectors": ["a", "-"], "range_connectors_framed_only": ["y"],
    "units": ["km"], "percent": ["%", "por ciento"], "currency_before": ["€"], "currency_after": ["euros"],
    "ordinal_suffixes": ["º"], "year_before": ["en", "desde"],
}


@pytest.fixture
def zz(monkeypatch):
    import saksi.lang as langmod
    real = langmod.load

    def load(code, topic):
        if code == "zz" and topic == "numbers":
            return _ZZ_NUMBERS
        if code == "zz":
            return {}
        return real(code, topic)

    monkeypatch.setattr(langmod, "load", load)
    return "zz"


def test_a_language_added_as_data(zz):
    text = ("Más de 10.000 soldados, unos 3,5 millones de proyectiles, decenas de miles de personas, "
            "entre 10 000 y 12 000 soldados en 2024 10 barcos, sesenta y once aviones, 5 % y € 2 mil.")
    assert got(text, zz) == [
        ("Más de 10.000", 10000, "more_than", "count"),
        ("unos 3,5 millones", 3_500_000, "approx", "count"),
        ("decenas de miles", V(10000), "vague", "count"),
        ("entre 10 000 y 12 000", R(10000, 12000), "range", "count"),
        ("2024", 2024, "exact", "year"),
        ("10", 10, "exact", "count"),
        ("sesenta y once", 71, "exact", "count"),
        ("5 %", 5, "exact", "percent"),
        ("€ 2 mil", 2000, "exact", "money"),
    ]
    assert got("Millones de personas y 3 millones de euros.", zz) == [
        ("Millones", V(1_000_000), "vague", "count"), ("3 millones de euros", 3_000_000, "exact", "money")]


# --------------------------------------------------------------------------- words inside a number

@pytest.mark.parametrize("text, lang, value", [
    # a one_word right before a multiplier inside a number is one (de #11, pt-8, es)
    ("neunhundert Milliarden eine Million", "de", 900_001_000_000),
    ("vinte e um mil", "pt", 21_000), ("treinta y un mil", "es", 31_000), ("cento e um mil", "pt", 101_000),
    # inner_one_words: the value one inside a number (pt-8, fr-1 follow-up)
    ("vinte e um", "pt", 21), ("cento e um", "pt", 101), ("um milhão e um", "pt", 1_000_001),
    ("cent un", "fr", 101), ("mille et une", "fr", 1001), ("ciento un", "es", 101),
    # a bare multiplier after a larger part opens a new group (es-9, fr-1 follow-up)
    ("un millón mil", "es", 1_001_000), ("dos millones mil quinientos", "es", 2_001_500),
    ("mille cent", "fr", 1100), ("deux mille cent", "fr", 2100), ("un million cent mille", "fr", 1_100_000),
    # English keeps "a" a joiner before a fraction
    ("two and a half million", "en", 2_500_000),
])
def test_words_inside_a_number(text, lang, value):
    assert parse_number(text, lang) == value


def test_compound_words_keep_the_dot_of_an_abbreviation():
    # de #15: with compound_words, "Mrd." keeps its dot, so the currency after it is read
    qs = find_quantities("Die Ukraine erhält 1,2 Mrd. Dollar und 3,5 Mio. Schuss.", "de")
    assert [(q.text, q.value, q.kind) for q in qs] == [("1,2 Mrd. Dollar", 1.2e9, "money"), ("3,5 Mio.", 3.5e6, "count")]
