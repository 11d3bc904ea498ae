//! Seeds the company's brand: the demo company's name, logo, colour and "about us".

use crate::AppState;
use ambasada_core::content::ImageKind;
use ambasada_store::settings::Brand;

const LOGO_PNG: &[u8] = include_bytes!("../../demo/logo.png");

/// The demo company's name.
pub const COMPANY: &str = "Kompas Digital";

pub(super) async fn seed_brand(state: &AppState) -> anyhow::Result<()> {
    let logo = crate::media::store_image(state, LOGO_PNG, ImageKind::Png).await?;
    state
        .save_brand(&Brand {
            name: COMPANY.into(),
            colour: "#1d4ed8".into(),
            about: "Kompas Digital to warszawski software house: od 2009 roku budujemy aplikacje mobilne \
                    i systemy płatności dla banków, sklepów i miast. Pracuje u nas 180 osób w Warszawie, \
                    Krakowie i zdalnie z całej Polski.\n\n\
                    Pracujemy hybrydowo, w małych zespołach, z budżetem szkoleniowym dla każdego. \
                    Raz w kwartale cała firma spotyka się na dniu wolontariatu."
                .into(),
            logo,
        })
        .await
}
