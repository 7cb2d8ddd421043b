/// Decoding and perceptual hashing of logos and avatars.
