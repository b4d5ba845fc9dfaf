/**
 * Which task of the province plan (seed 001, tỉnh Thái Nguyên) each task of xã Cao Minh's plan (seed 000)
 * implements, read by hand from the two documents: the same text (wording adapted: "trên địa bàn tỉnh" →
 * "trên địa bàn", "Lãnh đạo tỉnh" → "Lãnh đạo xã") and the same deadline. Ground truth for the derive and link tests.
 */
export const COMMUNE_TO_PROVINCE: Readonly<Record<string, string>> = {
  "1": "2",
  "2": "3",
  "3": "4",
  "4": "5",
  "5": "6",
  "6": "7",
  "7": "8",
  "8": "11",
  "9": "12",
  "10": "13",
  "11": "14",
  "12": "15",
  "13": "16",
  "14": "17",
  "15": "18",
  "16": "21",
  "17": "22",
  "18": "23",
};
